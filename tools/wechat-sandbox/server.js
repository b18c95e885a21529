'use strict';
// A local stand-in for WeChat's server API (api.weixin.qq.com), for tests and offline development.
// It implements the endpoints Fenji calls with WeChat's real parameter names, response fields and
// error codes. Point WECHAT_API_BASE at it. Run alone: node tools/wechat-sandbox/server.js [port]
//
//   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
//   GET  /cgi-bin/token?grant_type=client_credential&appid&secret
//   POST /cgi-bin/message/subscribe/send?access_token  {touser, template_id, page, data: {key: {value}}}
//   POST /__sandbox/login {"openid": "..."}  → {"code": "..."}: what wx.login would give that user
//   POST /__sandbox/subscribe {"openid", "templateId"} → what wx.requestSubscribeMessage's "accept" gives: one send
//
// Subscribe messages answer as WeChat does: 40001 for an unknown or expired access_token, 47001 for a body that is
// not JSON, 40003 for an openid that never used the mini-program (any openid that logged in or subscribed here is
// known), 40037 for a template id not in `templates`, 47003 for data the template refuses (a key it does not have,
// or a thing longer than 20 characters, a time that is not a time), 43101 when the user has no subscription left.
// Sent messages are kept in `messages`.
// Codes are single-use (40163 on reuse) and expire after 5 minutes (40029). The codes "sandbox-busy"
// and "sandbox-quota" answer -1 (system busy) and 45011 (frequency limit) to exercise error paths.
const http = require('node:http');
const crypto = require('node:crypto');

const CODE_TTL_MS = 5 * 60 * 1000;

/** The keys of the sandbox's templates and what each accepts (WeChat's subscribe-message value rules, simplified). */
const DEFAULT_TEMPLATES = {
  'tmpl-new-lead': ['thing1', 'thing2', 'time3'],
  'tmpl-hot-return': ['thing1', 'thing2', 'time3'],
};
const VALUE_RULES = {
  thing: (v) => typeof v === 'string' && v.length > 0 && [...v].length <= 20,
  time: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(v),
  phrase: (v) => typeof v === 'string' && [...v].length <= 5,
};

function createWechatSandbox({ appid = 'wx-sandbox-appid', secret = 'sandbox-secret-0123456789abcdef', templates = DEFAULT_TEMPLATES } = {}) {
  const codes = new Map(); // code → { openid, expiresAt, used }
  const tokens = new Map(); // access_token → expiresAt
  const calls = [];
  const knownOpenids = new Set();
  const subscriptions = new Map(); // `${openid}|${templateId}` → sends left
  const messages = [];

  function readJson(req, done) {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        done(JSON.parse(body || '{}'));
      } catch {
        done(undefined);
      }
    });
  }

  function sendSubscribe(q, body, res) {
    const token = q.get('access_token');
    if (!token || !tokens.has(token) || tokens.get(token) < Date.now()) return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
    if (!body || typeof body !== 'object') return err(res, 47001, 'data format error');
    if (typeof body.touser !== 'string' || !knownOpenids.has(body.touser)) return err(res, 40003, 'invalid openid');
    const keys = templates[body.template_id];
    if (!keys) return err(res, 40037, 'invalid template_id');
    const data = body.data && typeof body.data === 'object' ? body.data : {};
    for (const [key, entry] of Object.entries(data)) {
      const rule = VALUE_RULES[key.replace(/\d+$/, '')];
      if (!keys.includes(key) || !rule || !rule(entry && entry.value)) return err(res, 47003, `argument invalid! data.${key}.value invalid`);
    }
    const left = subscriptions.get(`${body.touser}|${body.template_id}`) ?? 0;
    if (left <= 0) return err(res, 43101, 'user refuse to accept the msg');
    subscriptions.set(`${body.touser}|${body.template_id}`, left - 1);
    messages.push({ touser: body.touser, templateId: body.template_id, page: body.page, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value])) });
    return json(res, 200, { errcode: 0, errmsg: 'ok' });
  }

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; encoding=utf-8' });
    res.end(JSON.stringify(body));
  };
  const err = (res, errcode, errmsg) => json(res, 200, { errcode, errmsg: `${errmsg} rid: ${crypto.randomBytes(4).toString('hex')}` });

  function checkApp(q, res) {
    if (!q.get('appid')) return err(res, 41002, 'appid missing'), false;
    if (!q.get('secret')) return err(res, 41004, 'appsecret missing'), false;
    if (q.get('appid') !== appid) return err(res, 40013, 'invalid appid'), false;
    if (q.get('secret') !== secret) return err(res, 40125, 'invalid appsecret'), false;
    return true;
  }

  function issueCode(openid) {
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { openid, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    return code;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://sandbox');
    const q = url.searchParams;
    calls.push({ method: req.method, path: url.pathname, query: Object.fromEntries(q) });

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      if (!checkApp(q, res)) return;
      if (q.get('grant_type') !== 'authorization_code') return err(res, 40002, 'invalid grant_type');
      const code = q.get('js_code');
      if (!code) return err(res, 41008, 'missing code');
      if (code === 'sandbox-busy') return err(res, -1, 'system error');
      if (code === 'sandbox-quota') return err(res, 45011, 'api minute-quota reach limit mustslower retry next minute');
      const entry = codes.get(code);
      if (!entry || entry.expiresAt < Date.now()) return err(res, 40029, 'invalid code');
      if (entry.used) return err(res, 40163, 'code been used');
      entry.used = true;
      knownOpenids.add(entry.openid);
      return json(res, 200, { session_key: crypto.randomBytes(16).toString('base64'), openid: entry.openid });
    }

    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (q.get('grant_type') !== 'client_credential') return err(res, 40002, 'invalid grant_type');
      if (!checkApp(q, res)) return;
      const token = crypto.randomBytes(32).toString('base64url');
      tokens.set(token, Date.now() + 7200 * 1000);
      return json(res, 200, { access_token: token, expires_in: 7200 });
    }

    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      readJson(req, (body) => sendSubscribe(q, body, res));
      return;
    }

    if (req.method === 'POST' && url.pathname === '/__sandbox/subscribe') {
      readJson(req, (body) => {
        if (!body || typeof body.openid !== 'string' || typeof body.templateId !== 'string') return json(res, 400, { error: 'openid and templateId required' });
        knownOpenids.add(body.openid);
        const k = `${body.openid}|${body.templateId}`;
        subscriptions.set(k, (subscriptions.get(k) ?? 0) + 1);
        return json(res, 200, { left: subscriptions.get(k) });
      });
      return;
    }

    if (req.method === 'POST' && url.pathname === '/__sandbox/login') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        let openid;
        try {
          openid = JSON.parse(body || '{}').openid;
        } catch {
          /* fall through */
        }
        if (typeof openid !== 'string' || !openid) return json(res, 400, { error: 'openid required' });
        return json(res, 200, { code: issueCode(openid) });
      });
      return;
    }

    json(res, 404, { errcode: 404, errmsg: 'not found' });
  });

  return {
    appid,
    secret,
    calls,
    messages,
    templates,
    issueCode,
    /** Sends left for a user and template (what WeChat knows and never tells). */
    subscriptionsLeft: (openid, templateId) => subscriptions.get(`${openid}|${templateId}`) ?? 0,
    /** Expires every access token issued so far (the next call with one gets 40001). */
    expireTokens: () => tokens.clear(),
    server,
    /** Listens on 127.0.0.1; resolves to the base URL. */
    listen(port = 0) {
      return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

module.exports = { createWechatSandbox };

if (require.main === module) {
  const sandbox = createWechatSandbox({ appid: process.env.WECHAT_APPID || undefined, secret: process.env.WECHAT_SECRET || undefined });
  sandbox.listen(Number(process.argv[2] || process.env.PORT || 3900)).then((base) => {
    console.log(`WeChat sandbox on ${base} (appid ${sandbox.appid})`);
  });
}

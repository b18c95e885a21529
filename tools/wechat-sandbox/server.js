'use strict';
// A local stand-in for WeChat's server API (api.weixin.qq.com), for tests and offline development.
// It implements the endpoints Fenji calls with WeChat's real parameter names, response fields and
// error codes. Point WECHAT_API_BASE at it. Run alone: node tools/wechat-sandbox/server.js [port]
//
//   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
//   GET  /cgi-bin/token?grant_type=client_credential&appid&secret
//   POST /cgi-bin/message/subscribe/send?access_token  {touser, template_id, page, data: {key: {value}}}
//   GET  /cgi-bin/ticket/getticket?access_token&type=jsapi        (the official account's JS-SDK ticket)
//   GET  /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope&state  → 302 redirect_uri?code&state
//   GET  /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code   (web OAuth: code → openid)
//   POST /wxa/getwxacodeunlimit?access_token  {scene, page, …}  → image/png (the mini-program code), or errcode
//   POST /__sandbox/subscribe {"openid", "templateId"} → what wx.requestSubscribeMessage's "accept" gives: one send
//   POST /__sandbox/login {"openid": "..."}  → {"code": "..."}: what wx.login would give that user
//   POST /__sandbox/expire-tokens            every access token issued so far now answers 42001 (expired)
//
// Two accounts: the mini-program (appid/secret) and the official account (oaAppid/oaSecret) used by landing pages.
// Tokens are per account; a token of one is not valid for the other's APIs (40001). OAuth codes are single-use
// (40163) and expire after 5 minutes (40029), like wx.login's. The authorize page signs every visitor in as
// `oauthOpenid` unless the request names another with `sandbox_openid`.
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/** A small PNG (a green square with a white centre: a stand-in for WeChat's round mini-program code). */
function stubPng(size = 64) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const inner = Math.abs(x - size / 2) < size / 5 && Math.abs(y - size / 2) < size / 5;
      row.push(...(inner ? [255, 255, 255] : [7, 193, 96]));
    }
    rows.push(Buffer.from(row));
  }
  const data = require('node:zlib').deflateSync(Buffer.concat(rows));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function createWechatSandbox({
  appid = 'wx-sandbox-appid',
  secret = 'sandbox-secret-0123456789abcdef',
  oaAppid = 'wx-sandbox-oa-appid',
  oaSecret = 'sandbox-oa-secret-0123456789abcdef',
  oauthOpenid = 'o-sandbox-web-visitor',
  templates = DEFAULT_TEMPLATES,
} = {}) {
  const codes = new Map(); // code → { openid, expiresAt, used }
  const oauthCodes = new Map(); // web OAuth code → { openid, expiresAt, used }
  const tokens = new Map(); // access_token → { appid, expiresAt, expired }
  const tickets = new Map(); // jsapi_ticket → appid
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
    if (!tokenApp(q, res)) return;
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

  const secrets = new Map([[appid, secret], [oaAppid, oaSecret]]);
  function checkApp(q, res) {
    if (!q.get('appid')) return err(res, 41002, 'appid missing'), false;
    if (!q.get('secret')) return err(res, 41004, 'appsecret missing'), false;
    if (!secrets.has(q.get('appid'))) return err(res, 40013, 'invalid appid'), false;
    if (q.get('secret') !== secrets.get(q.get('appid'))) return err(res, 40125, 'invalid appsecret'), false;
    return true;
  }

  /** The account of a valid token, or answers WeChat's error and returns null. */
  function tokenApp(q, res) {
    const token = q.get('access_token');
    if (!token) return err(res, 41001, 'access_token missing'), null;
    const entry = tokens.get(token);
    if (!entry) return err(res, 40001, 'invalid credential, access_token is invalid or not latest'), null;
    if (entry.expired || entry.expiresAt < Date.now()) return err(res, 42001, 'access_token expired'), null;
    return entry.appid;
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
      tokens.set(token, { appid: q.get('appid'), expiresAt: Date.now() + 7200 * 1000, expired: false });
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

    if (req.method === 'GET' && url.pathname === '/cgi-bin/ticket/getticket') {
      const app = tokenApp(q, res);
      if (!app) return;
      if (q.get('type') !== 'jsapi' && q.get('type') !== 'wx_card') return err(res, 40097, 'invalid args');
      if (app !== oaAppid) return err(res, 48001, 'api unauthorized'); // a mini-program has no JS-SDK ticket
      const ticket = crypto.randomBytes(24).toString('base64url');
      tickets.set(ticket, app);
      return json(res, 200, { errcode: 0, errmsg: 'ok', ticket, expires_in: 7200 });
    }

    if (req.method === 'GET' && url.pathname === '/connect/oauth2/authorize') {
      // WeChat shows an error page (not JSON) for a bad request; the sandbox answers 400 with the reason.
      const redirect = q.get('redirect_uri');
      if (q.get('appid') !== oaAppid) return res.writeHead(400).end('appid error: 10003 redirect_uri domain mismatch or bad appid');
      if (!redirect || !/^https?:\/\//.test(redirect)) return res.writeHead(400).end('redirect_uri error: 10003');
      if (q.get('response_type') !== 'code') return res.writeHead(400).end('response_type error: 10004');
      if (!['snsapi_base', 'snsapi_userinfo'].includes(q.get('scope'))) return res.writeHead(400).end('scope error: 10005');
      const code = crypto.randomBytes(16).toString('hex');
      oauthCodes.set(code, { openid: q.get('sandbox_openid') || oauthOpenid, expiresAt: Date.now() + CODE_TTL_MS, used: false });
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }

    if (req.method === 'GET' && url.pathname === '/sns/oauth2/access_token') {
      if (!checkApp(q, res)) return;
      if (q.get('grant_type') !== 'authorization_code') return err(res, 40002, 'invalid grant_type');
      const code = q.get('code');
      if (!code) return err(res, 41008, 'missing code');
      const entry = oauthCodes.get(code);
      if (!entry || entry.expiresAt < Date.now()) return err(res, 40029, 'invalid code');
      if (entry.used) return err(res, 40163, 'code been used');
      entry.used = true;
      return json(res, 200, {
        access_token: crypto.randomBytes(24).toString('base64url'),
        expires_in: 7200,
        refresh_token: crypto.randomBytes(24).toString('base64url'),
        openid: entry.openid,
        scope: 'snsapi_base',
        is_snapshotuser: 0,
      });
    }

    if (req.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const app = tokenApp(q, res);
        if (!app) return;
        if (app !== appid) return err(res, 40001, 'invalid credential, access_token is invalid or not latest'); // an official account's token
        let body;
        try {
          body = JSON.parse(raw || '{}');
        } catch {
          return err(res, 47001, 'data format error');
        }
        const scene = body.scene;
        if (typeof scene !== 'string' || !scene || scene.length > 32 || !/^[\x21-\x7e]+$/.test(scene)) return err(res, 40169, 'invalid length for scene, or the data is not json string');
        if (body.page !== undefined && (typeof body.page !== 'string' || body.page.startsWith('/') || !/^[\w/-]+$/.test(body.page))) return err(res, 41030, 'invalid page');
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(stubPng());
      });
      return;
    }

    if (req.method === 'POST' && url.pathname === '/__sandbox/expire-tokens') {
      for (const entry of tokens.values()) entry.expired = true;
      return json(res, 200, { expired: tokens.size });
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
    oaAppid,
    oaSecret,
    oauthOpenid,
    calls,
    messages,
    templates,
    tickets,
    /** Every token issued so far answers 42001 from now on. */
    expireTokens() {
      for (const entry of tokens.values()) entry.expired = true;
    },
    issueCode,
    /** Sends left for a user and template (what WeChat knows and never tells). */
    subscriptionsLeft: (openid, templateId) => subscriptions.get(`${openid}|${templateId}`) ?? 0,
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
  const sandbox = createWechatSandbox({
    appid: process.env.WECHAT_APPID || undefined,
    secret: process.env.WECHAT_SECRET || undefined,
    oaAppid: process.env.WECHAT_OA_APPID || undefined,
    oaSecret: process.env.WECHAT_OA_SECRET || undefined,
  });
  sandbox.listen(Number(process.argv[2] || process.env.PORT || 3900)).then((base) => {
    console.log(`WeChat sandbox on ${base} (appid ${sandbox.appid})`);
  });
}

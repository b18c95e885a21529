// Serves the landing pages as the API renders them (the built render functions and script), with real uploaded
// images in every stored width and format, and a stand-in for the public API they call. Used by lighthouse.mjs,
// and handy for looking at every page and state in a browser: `node landing-pages.mjs` prints the URLs.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { ROOT } from './support.mjs';

const require = createRequire(import.meta.url);
const SCRIPT = join(ROOT, 'apps/h5/dist/landing/landing.js');
const RENDER = join(ROOT, 'apps/h5/dist-server/landing/index.js');
const WIDTHS = [320, 640, 960, 1280];
const FORMATS = { jpg: (s) => s.jpeg({ quality: 78, mozjpeg: true }), webp: (s) => s.webp({ quality: 72 }), avif: (s) => s.avif({ quality: 50, effort: 2 }) };
const TYPES = { jpg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };

/** A photo-like picture: an illustrated scene with fine grain, so it compresses like a photograph does. */
function sceneSvg(kind, width, height) {
  const scenes = {
    cover: `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe3f4"/><stop offset="1" stop-color="#f4efe6"/></linearGradient><linearGradient id="w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9fd3f0" stop-opacity=".7"/><stop offset="1" stop-color="#3b8fd0" stop-opacity=".85"/></linearGradient></defs>
<rect width="1280" height="720" fill="url(#s)"/><circle cx="180" cy="140" r="90" fill="#fff" opacity=".45"/><circle cx="1040" cy="110" r="140" fill="#fff" opacity=".35"/>
<rect y="470" width="1280" height="250" fill="#c9a27c"/><rect y="470" width="1280" height="18" fill="#b08560"/>
<path d="M760 120h60v210c0 30-20 50-50 50h-90v-50h70z" fill="#9aa5b1"/><rect x="700" y="330" width="40" height="24" rx="6" fill="#7d8894"/>
<path d="M718 360q12 40 0 80" stroke="#6fb6e8" stroke-width="8" fill="none" opacity=".8"/>
<path d="M560 300h200l-24 200h-152z" fill="#eaf4fb" opacity=".85"/><path d="M572 360h176l-17 140h-142z" fill="url(#w)"/>
<ellipse cx="660" cy="505" rx="100" ry="10" fill="#8c6a4c" opacity=".4"/><rect x="880" y="360" width="220" height="120" rx="14" fill="#f7f8fa"/><rect x="905" y="385" width="70" height="12" rx="6" fill="#2f80c2"/><circle cx="1060" cy="420" r="20" fill="#e7ecf1"/>
<path d="M200 470c40-120 140-150 180-60 30-90 110-70 120 60z" fill="#5e9c6a"/><rect x="260" y="440" width="120" height="40" rx="8" fill="#d97747"/>`,
    inspect: `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f1f5f9"/><stop offset="1" stop-color="#dde7f0"/></linearGradient></defs>
<rect width="960" height="640" fill="url(#g)"/><rect x="80" y="380" width="800" height="260" fill="#e7dccd"/>
<circle cx="330" cy="220" r="90" fill="#f2c9a5"/><rect x="230" y="300" width="200" height="260" rx="60" fill="#2f6fb4"/><rect x="250" y="110" width="160" height="60" rx="30" fill="#1f2d3d"/>
<rect x="520" y="260" width="90" height="220" rx="12" fill="#fff"/><rect x="540" y="300" width="50" height="120" rx="6" fill="#6fb6e8"/><rect x="640" y="330" width="160" height="150" rx="10" fill="#f8fafc"/><rect x="660" y="360" width="120" height="40" rx="6" fill="#16a34a"/>`,
    avatar: `<rect width="640" height="640" fill="#dbe7f3"/><circle cx="320" cy="250" r="130" fill="#f0c4a0"/><path d="M190 220c0-110 260-130 260 0-40-50-200-60-260 0z" fill="#1f2937"/><path d="M100 640c20-170 120-230 220-230s200 60 220 230z" fill="#2d5f9a"/><path d="M290 420l30 60 30-60z" fill="#fff"/>`,
  };
  const box = { cover: '0 0 1280 720', inspect: '0 0 960 640', avatar: '0 0 640 640' }[kind];
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box}" preserveAspectRatio="xMidYMid slice">${scenes[kind]}</svg>`);
}

/** Sensor-like grain and soft texture, so the image weighs what a phone photo of that size weighs. */
async function grainy(kind, width, height) {
  const base = await sharp(sceneSvg(kind, width, height)).removeAlpha().blur(1.2).raw().toBuffer();
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  // Slow blotches (light and shade) over the whole picture, then per-pixel grain.
  const cells = 24;
  const shade = Array.from({ length: (cells + 1) * (cells + 1) }, () => rand() * 36 - 18);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cx = (x / width) * cells;
      const cy = (y / height) * cells;
      const ix = Math.floor(cx);
      const iy = Math.floor(cy);
      const fx = cx - ix;
      const fy = cy - iy;
      const at = (i, j) => shade[Math.min(j, cells) * (cells + 1) + Math.min(i, cells)];
      const low = at(ix, iy) * (1 - fx) * (1 - fy) + at(ix + 1, iy) * fx * (1 - fy) + at(ix, iy + 1) * (1 - fx) * fy + at(ix + 1, iy + 1) * fx * fy;
      const grain = (rand() + rand() - 1) * 22;
      for (let c = 0; c < 3; c++) {
        const i = (y * width + x) * 3 + c;
        base[i] = Math.max(0, Math.min(255, base[i] + low + grain));
      }
    }
  }
  return sharp(base, { raw: { width, height, channels: 3 } }).blur(0.5);
}

/** `/media/<id>/<w>.<fmt>` for every stored width and format, as the upload route stores them. */
async function makeMedia() {
  const images = { '01JDCOVER00000000000000000': ['cover', 1280, 720], '01JDIMAGE00000000000000000': ['inspect', 960, 640], '01JDAVATAR0000000000000000': ['avatar', 640, 640] };
  const files = new Map();
  for (const [id, [kind, width, height]] of Object.entries(images)) {
    for (const w of WIDTHS.filter((x) => x <= width)) {
      const h = Math.round((height * w) / width);
      for (const [fmt, encode] of Object.entries(FORMATS)) files.set(`/media/${id}/${w}.${fmt}`, { type: TYPES[fmt], body: await encode(await grainy(kind, w, h)).toBuffer() });
    }
  }
  return files;
}

const ARTICLE = [
  '每年换季，家里最先“闹脾气”的往往是厨房的水。春天管网检修频繁，水里的泥沙和铁锈多了；夏天气温高，水箱里的细菌繁殖得快；到了秋冬，水垢又悄悄在水壶底部结成一层白壳。',
  '我们整理了门店师傅这两年上门服务时最常被问到的问题，从“自来水到底安不安全”讲起，再聊聊怎么根据自己家的情况选一台合适的净水设备。',
  '自来水厂出厂的水是按照国家生活饮用水卫生标准检测合格的，问题出在“最后一公里”：老小区的铸铁管道用了二三十年，内壁锈蚀；高层住宅要经过楼顶水箱或者二次供水设备，清洗不及时就容易滋生细菌。',
].join('\n');
const ARTICLE_2 = [
  '反渗透净水器过滤得最彻底，出水可以直接饮用，适合水质较差或者对饮水要求比较高的家庭。现在的新款机器废水比已经做到了二比一甚至三比一。',
  '选之前看三件事：水槽下面的空间（一般需要四十厘米宽，还要一个插座）、水压（高层选带增压泵的型号）、滤芯的更换周期和价格——按三到五年的总成本比较，而不是只看机器的价格。',
  '本周末门店开放免费水质检测，师傅可以上门测量。建议只是参考，买不买、买哪一款都由你决定，我们不会反复打电话推销。',
].join('\n');

export function pageData(h5, code, scriptUrl) {
  const sharer = { name: '王小明', title: '净水顾问', branchName: '浦东店', avatarUrl: '/media/01JDAVATAR0000000000000000/640.jpg', intro: '在门店做了六年净水方案，上门检测、安装、售后都可以找我。', phone: '13800138000', wechatId: 'wang_xm88' };
  const brand = { name: '清泉净水', logoUrl: null, colorPrimary: '#1f6feb' };
  const urls = h5.landingUrls(code, scriptUrl);
  return {
    landing: {
      shareCode: code,
      content: {
        id: '01JDCONTENT000000000000000',
        title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器',
        summary: '从自来水的“最后一公里”讲起，教你看懂自家水质，选到合适的净水设备。',
        cover: { url: '/media/01JDCOVER00000000000000000/1280.jpg', width: 1280, height: 720, alt: '厨房台面上的净水器和一杯水' },
        blocks: [
          { type: 'text', text: ARTICLE },
          { type: 'image', url: '/media/01JDIMAGE00000000000000000/960.jpg', width: 960, height: 640, alt: '门店师傅上门检测水质' },
          { type: 'text', text: ARTICLE_2 },
          { type: 'facts', items: [{ label: '价格', value: '¥2,980 起' }, { label: '安装', value: '免费上门，约 1 小时' }, { label: '滤芯', value: '一年一换，¥399' }, { label: '保修', value: '整机 3 年' }] },
          { type: 'video', url: 'https://v.qq.com/x/page/water2026.html', title: '三分钟看懂反渗透净水器' },
          { type: 'cta', text: '本周末门店开放免费水质检测，名额有限' },
        ],
      },
      sharer,
      brand,
      form: h5.leadFormModel(code, { ctaText: '预约检测', fields: ['preferred_time', 'message'] }),
      urls,
    },
    card: {
      shareCode: code,
      pageKey: 'card:01JDSTAFF00000000000000000',
      card: sharer,
      featured: [
        { title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器', summary: '教你看懂自家水质，选到合适的净水设备。', cover: { url: '/media/01JDCOVER00000000000000000/1280.jpg', width: 1280, height: 720, alt: '' }, href: `/s/${code}` },
        { title: '本周末免费上门水质检测', summary: '师傅上门，十分钟出结果。', cover: { url: '/media/01JDIMAGE00000000000000000/960.jpg', width: 960, height: 640, alt: '' }, href: `/s/${code}` },
      ],
      vcardUrl: `/s/${code}/contact.vcf`,
      brand,
      form: h5.leadFormModel(code),
      urls,
    },
    sharer,
    brand,
  };
}

/** Starts the server on a free port; `{ url, stop, pages }`, `pages` naming each page's path. */
export async function startLandingPagesServer({ port = 0 } = {}) {
  if (!existsSync(SCRIPT) || !existsSync(RENDER)) throw new Error('build first: pnpm --filter @fenji/h5 build');
  const h5 = require(RENDER);
  const script = readFileSync(SCRIPT);
  const scriptGz = gzipSync(script, { level: 9 });
  const code = 'Xy7Qk2Lm9PaB';
  const scriptUrl = '/static/landing/landing.js?v=bench';
  const data = pageData(h5, code, scriptUrl);
  const media = await makeMedia();
  const pages = new Map([
    [`/s/${code}`, [200, h5.renderLandingPage(data.landing)]],
    [`/c/${code}`, [200, h5.renderCardPage(data.card)]],
    // The API answers it with 410; served 200 here because Lighthouse refuses to audit an error status.
    ['/gone', [200, h5.renderUnavailablePage({ reason: 'offline', brand: data.brand, sharer: data.sharer, cardUrl: `/c/${code}`, form: h5.leadFormModel(code), urls: h5.landingUrls(code, scriptUrl) })]],
    ['/unknown', [404, h5.renderNotFoundPage()]],
    [`/s/${code}/thanks`, [200, h5.renderLeadResultPage({ ok: true, backUrl: `/s/${code}`, sharer: data.sharer, brand: data.brand, optOutUrl: '/opt-out?t=signed-token-0123456789abcdef' })]],
    [`/s/${code}/lead`, [422, h5.renderLeadResultPage({ ok: false, message: '手机号格式不正确', backUrl: `/s/${code}`, values: { name: '李雷', phone: '1380013', message: '周末上午方便' }, brand: data.brand, ctaText: '预约检测', fields: ['preferred_time', 'message'], leadFormAction: `/s/${code}/lead` })]],
    ['/privacy', [200, h5.renderPrivacyPage({ version: '2026-12-01', brand: data.brand })]],
    ['/opt-out', [200, h5.renderOptOutPage({ state: { step: 'phone' }, brand: data.brand })]],
    ['/opt-out?t=signed', [200, h5.renderOptOutPage({ state: { step: 'confirm', token: 'signed-token-0123456789abcdef', maskedPhone: '139****7777' }, brand: data.brand })]],
    ['/opt-out/code', [200, h5.renderOptOutPage({ state: { step: 'code', phone: '13988887777', maskedPhone: '139****7777' }, brand: data.brand })]],
    ['/opt-out/code?wrong', [400, h5.renderOptOutPage({ state: { step: 'code', phone: '13988887777', maskedPhone: '139****7777' }, error: '验证码不正确，请重新输入', brand: data.brand })]],
    ['/opt-out/done', [200, h5.renderOptOutPage({ state: { step: 'done', maskedPhone: '139****7777' }, brand: data.brand })]],
  ]);
  const encoded = new Map([...pages].map(([path, [status, html]]) => [path, { status, html: Buffer.from(html), gzip: gzipSync(Buffer.from(html), { level: 9 }) }]));
  /** What the stand-in API answers; tests of states change it (`server.api.leads = 'offline'`). */
  const api = { leads: 'ok', received: [] };

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const page = encoded.get(url) ?? encoded.get(path);
    if (req.method === 'GET' && page) {
      res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', vary: 'accept-encoding', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gz ? page.gzip : page.html);
      return;
    }
    if (path === '/static/landing/landing.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gz ? scriptGz : script);
      return;
    }
    const file = media.get(path);
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(file.body);
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const json = (status, value) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'POST' && path === '/api/public/leads') {
        if (api.leads === 'offline') return void req.socket.destroy();
        api.received.push(JSON.parse(body || '{}'));
        return json(201, { ok: true, optOutUrl: '/opt-out?t=signed' });
      }
      if (req.method === 'POST' && path === '/api/public/events') return json(202, { accepted: true });
      if (req.method === 'POST' && path.endsWith('/reshare')) return json(201, { code: 'Child0000001', url: `/s/Child0000001` });
      if (path === '/api/public/wechat/jssdk') return json(503, { statusCode: 503, code: 'WECHAT_NOT_CONFIGURED', message: '未配置公众号' });
      json(404, { statusCode: 404, code: 'NOT_FOUND', message: '不存在' });
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    api,
    code,
    paths: [...pages.keys()],
    sizes: Object.fromEntries([...encoded].map(([path, p]) => [path, { html: p.html.length, gzip: p.gzip.length }])),
    script: { raw: script.length, gzip: scriptGz.length },
    media,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startLandingPagesServer({ port: Number(process.env.PORT ?? 0) });
  for (const path of server.paths) console.log(`${server.url}${path}`);
}

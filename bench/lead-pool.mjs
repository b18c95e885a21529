// The lead pool over many leads (default 1,000,000) on SQLite: GET /api/leads latency per filter.
// Target (issue 2, for later issues): a page in ≤ 50 ms at the API. Baseline in the same run: GET /api/auth/me
// (auth plus one primary-key read), so the ratio shows what the pool query itself costs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { post, ROOT, startApi } from './support.mjs';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const requireApi = createRequire(join(ROOT, 'apps/api/package.json'));
const Database = requireApi('better-sqlite3');
const { newId } = requireApi('./dist/core/database/id.util.js');
const { searchGramsOf } = requireApi('./dist/modules/lead/lead-search.util.js');

// 1. Schema, HQ admin, a few branches and staff through the real API.
let api = await startApi();
const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
const branches = [];
for (let i = 0; i < 5; i++) branches.push((await post(`${api.url}/api/branches`, { name: `门店${i}` }, hq.accessToken)).id);
const staff = [];
for (let i = 0; i < 50; i++) {
  const s = await post(`${api.url}/api/staff`, { name: `员工${i}`, phone: `136${String(i).padStart(8, '0')}`, role: 'staff', branchId: branches[i % 5] }, hq.accessToken);
  staff.push(s);
}
await api.stop();

// 2. Bulk leads straight into the file (ids spread over a year, like real ones).
console.log(`inserting ${LEADS} leads…`);
const started = Date.now();
const db = new Database(api.dbPath);
db.pragma('journal_mode = WAL');
const insert = db.prepare(
  `INSERT INTO leads (id, phone, name, status, pool, owner_staff_id, branch_id, first_share_id, referrer_visitor_id, chain_depth, message, consent_version, consented_at, protected_until, touch_count, created_at, last_touch_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', NULL, 0, NULL, 'bench', ?, NULL, 1, ?, ?)`,
);
const insertGram = db.prepare('INSERT OR IGNORE INTO lead_search_grams (gram, lead_id) VALUES (?, ?)');
const statuses = ['new', 'contacted', 'qualified', 'converted', 'lost'];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志文红梅海燕鹏飞晓东雪琳子涵浩然欣怡宇轩梓萱俊杰';
const yearAgo = Date.now() - 365 * 24 * 3600 * 1000;
const batch = db.transaction((from, to) => {
  for (let i = from; i < to; i++) {
    const t = yearAgo + Math.floor((i / LEADS) * 365 * 24 * 3600 * 1000);
    const at = new Date(t).toISOString().replace('T', ' ').replace('Z', '');
    const owner = i % 10 === 0 ? null : staff[i % staff.length];
    const id = newId(t);
    const phone = `15${String(i).padStart(9, '0')}`;
    // Realistic names: a surname and one or two given-name characters (so most names repeat many times).
    const name = surnames[i % surnames.length] + given[(i * 7) % given.length] + (i % 3 ? given[(i * 13) % given.length] : '');
    insert.run(id, phone, name, statuses[i % 5], owner ? 'private' : 'public', owner?.id ?? null, owner?.branchId ?? null, at, at, at);
    for (const gram of searchGramsOf(name, phone)) insertGram.run(gram, id);
  }
});
for (let i = 0; i < LEADS; i += 50_000) batch(i, Math.min(LEADS, i + 50_000));
db.pragma('optimize');
db.close();
console.log(`inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 3. Measure.
api = await startApi({ DATABASE_URL: `sqlite:${api.dbPath}` });
const login = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
const auth = { authorization: `Bearer ${login.accessToken}` };
const time = async (path) => {
  const samples = [];
  let last;
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const res = await fetch(api.url + path, { headers: auth });
    last = await res.json();
    samples.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(last)}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p90: samples[Math.floor(samples.length * 0.9)], last };
};
const baseline = await time('/api/auth/me');
console.log(`baseline GET /api/auth/me: median ${baseline.median.toFixed(1)} ms`);
const first = await time('/api/leads?limit=50');
const cursor = first.last.nextCursor;
const cases = [
  ['first page', '/api/leads?limit=50'],
  ['page 2 (cursor)', `/api/leads?limit=50&cursor=${cursor}`],
  ['status', '/api/leads?status=qualified&limit=50'],
  ['owner', `/api/leads?ownerStaffId=${staff[7].id}&limit=50`],
  ['branch', `/api/leads?branchId=${branches[2]}&limit=50`],
  ['public pool', '/api/leads?pool=public&limit=50'],
  ['date range', `/api/leads?from=${new Date(yearAgo + 100 * 86400000).toISOString()}&to=${new Date(yearAgo + 130 * 86400000).toISOString()}&limit=50`],
  ['q full name', `/api/leads?q=${encodeURIComponent(surnames[4242 % surnames.length] + given[(4242 * 7) % given.length] + given[(4242 * 13) % given.length])}&limit=50`],
  ['q given name', `/api/leads?q=${encodeURIComponent(given[5] + given[11])}&limit=50`],
  ['q phone digits', '/api/leads?q=00424242&limit=50'],
  ['q last 4 digits', '/api/leads?q=4242&limit=50'],
  ['q one char', `/api/leads?q=${encodeURIComponent('罗')}&limit=50`],
  ['owner + status', `/api/leads?ownerStaffId=${staff[7].id}&status=new&limit=50`],
];
let worst = 0;
for (const [name, path] of cases) {
  const r = await time(path);
  worst = Math.max(worst, r.median);
  console.log(`${name.padEnd(16)} median ${r.median.toFixed(1).padStart(7)} ms  p90 ${r.p90.toFixed(1).padStart(7)} ms  ×${(r.median / baseline.median).toFixed(1)} of baseline  (${r.last.items.length} items)`);
}
await api.stop();
console.log(`worst median ${worst.toFixed(1)} ms over ${LEADS} leads (target ≤ 50 ms)`);

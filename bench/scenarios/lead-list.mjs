// The lead pool (GET /api/leads) over many leads on SQLite or MariaDB/MySQL, with data whose filters combine as
// real ones do: every owner has leads in every status, public leads keep their branch, names repeat (common
// surname + given-name pairs), tags and follow-up plans exist. One case per filter combination the console and the
// staff app offer, cursors deep into the list, and phone-digit search under 10 parallel clients.
// A case that should find leads and returns none fails the run. Budget (issue 13): median ≤ 20 ms, p95 ≤ 50 ms.
//
//   run({ leads, samples, databaseUrl }) → { cases: [{ name, median, p95, rows }], digitsRps, ok }
//   standalone: node bench/scenarios/lead-list.mjs   (BENCH_LEADS, BENCH_SAMPLES, BENCH_DATABASE_URL=mysql://…/db)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { post, ROOT, startApi } from '../support.mjs';

const requireApi = createRequire(join(ROOT, 'apps/api/package.json'));
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国玉志文红梅海燕鹏飞晓东雪琳子涵浩然欣怡宇轩梓萱俊';
const STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'];
const CHANNELS = ['wechat_friend', 'moments', 'poster', 'link'];
const DAY = 86_400_000;

/** A writer of rows into the bench database: SQLite through better-sqlite3, MySQL/MariaDB through mysql2. */
async function openWriter(databaseUrl, sqlitePath) {
  if (databaseUrl) {
    const mysql = requireApi('mysql2/promise');
    const conn = await mysql.createConnection({ uri: databaseUrl, multipleStatements: false });
    return {
      async insert(table, columns, rows) {
        if (!rows.length) return;
        await conn.query(`INSERT IGNORE INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows]);
      },
      async finish() {
        await conn.query('ANALYZE TABLE leads, lead_search_grams, lead_tags');
        await conn.end();
      },
    };
  }
  const Database = requireApi('better-sqlite3');
  const db = new Database(sqlitePath);
  db.pragma('journal_mode = WAL');
  const statements = new Map();
  return {
    async insert(table, columns, rows) {
      const key = `${table}:${columns.length}`;
      if (!statements.has(key)) statements.set(key, db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`));
      const stmt = statements.get(key);
      db.transaction(() => rows.forEach((r) => stmt.run(...r.map((v) => (v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v)))))();
    },
    async finish() {
      db.pragma('optimize');
      db.close();
    },
  };
}

export async function run({ leads = 1_000_000, samples = 30, databaseUrl = '', log = console.log } = {}) {
  const { newId } = requireApi('./dist/core/database/id.util.js');
  const { searchGramsOf } = requireApi('./dist/modules/lead/lead-search.util.js');
  const env = databaseUrl ? { DATABASE_URL: databaseUrl } : {};

  // 1. Schema, HQ, branches, staff (with passwords through invites), tags: through the real API.
  let api = await startApi(env);
  const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const branches = [];
  for (let i = 0; i < 8; i++) branches.push((await post(`${api.url}/api/branches`, { name: `门店${i}` }, hq.accessToken)).id);
  const staff = [];
  for (let i = 0; i < 80; i++) {
    const s = await post(`${api.url}/api/staff`, { name: `员工${i}`, phone: `136${String(i).padStart(8, '0')}`, role: 'staff', branchId: branches[i % 8] }, hq.accessToken);
    const session = await post(`${api.url}/api/auth/activate`, { inviteCode: s.inviteCode, password: 'bench-password-1' });
    staff.push({ ...s, token: session.accessToken });
  }
  const tags = (await fetch(`${api.url}/api/tags/hq`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${hq.accessToken}` }, body: JSON.stringify({ tags: ['高意向', '老客户', '团购意向'] }) }).then((r) => r.json())).items;
  const contents = [];
  for (let i = 0; i < 6; i++) contents.push((await post(`${api.url}/api/contents`, { kind: 'article', title: `内容${i}`, body: '正文', published: true }, hq.accessToken)).id);
  const dbPath = api.dbPath;
  await api.stop();

  // 2. Leads in bulk, ids spread over a year; every owner has every status; a tenth public, keeping the branch.
  log(`inserting ${leads} leads…`);
  const started = Date.now();
  const writer = await openWriter(databaseUrl, dbPath);
  const yearAgo = Date.now() - 365 * DAY;
  const LEAD_COLUMNS = ['id', 'phone', 'name', 'status', 'pool', 'owner_staff_id', 'branch_id', 'first_share_id', 'chain_depth', 'consent_version', 'consented_at', 'touch_count', 'ownership_version', 'owner_activity_at', 'created_at', 'last_touch_at', 'next_follow_up_at', 'source_content_id', 'source_channel'];
  for (let from = 0; from < leads; from += 5000) {
    const rows = [];
    const grams = [];
    const tagRows = [];
    for (let i = from; i < Math.min(leads, from + 5000); i++) {
      const t = yearAgo + Math.floor((i / leads) * 365 * DAY);
      const at = new Date(t);
      const owner = i % 10 === 0 ? null : staff[(i * 31) % staff.length];
      const branch = owner ? owner.branchId : branches[i % branches.length];
      const id = newId(t);
      const phone = `15${String((i * 7919) % 1_000_000_000).padStart(9, '0')}`;
      const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : '');
      const status = STATUSES[Math.floor(i / 7) % 5];
      const touched = new Date(t + ((i * 37) % 30) * DAY);
      const plan = owner && i % 3 === 0 ? new Date(Date.now() + (((i * 13) % 20) - 10) * DAY) : null;
      rows.push([id, phone, name, status, owner ? 'private' : 'public', owner?.id ?? null, branch, 'bench', 0, 'bench', at, 1, 1, owner ? at : null, at, touched, plan, contents[i % contents.length], CHANNELS[i % 4]]);
      for (const gram of searchGramsOf(name, phone)) grams.push([gram, id]);
      if (i % 5 === 0) tagRows.push([id, tags[i % tags.length].id, at]);
    }
    await writer.insert('leads', LEAD_COLUMNS, rows);
    await writer.insert('lead_search_grams', ['gram', 'lead_id'], grams);
    await writer.insert('lead_tags', ['lead_id', 'tag_id', 'created_at'], tagRows);
  }
  await writer.finish();
  log(`inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 3. Measure, as HQ (masked phones) and as an owner (their own phones in full).
  api = await startApi({ ...env, DATABASE_URL: databaseUrl || `sqlite:${dbPath}` });
  const login = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const owner = staff[7];
  const ownerLogin = await post(`${api.url}/api/auth/login`, { phone: owner.phone, password: 'bench-password-1' });
  const get = async (path, token) => {
    const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const time = async (path, token) => {
    const times = [];
    let last;
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      last = await get(path, token);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))], rows: last.items.length, last };
  };
  const deep = async (qs, pages) => {
    let cursor = null;
    for (let p = 0; p < pages; p++) cursor = (await get(`/api/leads?${qs}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, login.accessToken)).nextCursor;
    return cursor;
  };
  const ownerLead = (await get(`/api/leads?limit=1`, ownerLogin.accessToken)).items[0];
  const mid = new Date(yearAgo + 180 * DAY).toISOString();
  const midEnd = new Date(yearAgo + 200 * DAY).toISOString();
  const deepStatus = await deep('status=qualified', 40);
  const cases = [
    ['first page + total', '/api/leads?limit=50&withTotal=1'],
    ['status', '/api/leads?status=qualified&limit=50'],
    ['owner', `/api/leads?ownerStaffId=${owner.id}&limit=50`],
    ['owner + status', `/api/leads?ownerStaffId=${owner.id}&status=contacted&limit=50`],
    ['branch + status', `/api/leads?branchId=${branches[3]}&status=new&limit=50`],
    ['public pool + branch', `/api/leads?pool=public&branchId=${branches[2]}&limit=50`],
    ['status + date range', `/api/leads?status=lost&from=${mid}&to=${midEnd}&limit=50`],
    ['content + channel', `/api/leads?contentId=${contents[2]}&channel=poster&limit=50`],
    ['tag', `/api/leads?tagId=${tags[1].id}&limit=50`],
    ['touched in range', `/api/leads?touchFrom=${mid}&touchTo=${midEnd}&limit=50`],
    ['last touch desc', '/api/leads?sort=last_touch_desc&limit=50'],
    ['branch, last touch asc', `/api/leads?branchId=${branches[1]}&sort=last_touch_asc&limit=50`],
    ['overdue', '/api/leads?overdue=1&limit=50'],
    ['status, 40 pages deep', `/api/leads?status=qualified&limit=50&cursor=${deepStatus}`],
    ['q full name', `/api/leads?q=${encodeURIComponent(SURNAMES[4] + GIVEN[(4 * 7) % GIVEN.length] + GIVEN[(4 * 13) % GIVEN.length])}&limit=50`],
    ['q given-name pair', `/api/leads?q=${encodeURIComponent(GIVEN[(5 * 7) % GIVEN.length] + GIVEN[(5 * 13) % GIVEN.length])}&limit=50`],
    ['q one character', `/api/leads?q=${encodeURIComponent('罗')}&limit=50`],
    ['q last 4 digits (HQ)', `/api/leads?q=${ownerLead.phone.slice(-4)}&limit=50`],
    ['q whole phone (HQ)', `/api/leads?q=${ownerLead.phone}&limit=50`],
  ].map(([name, path]) => ({ name, path, token: login.accessToken }));
  cases.push({ name: 'q phone digits (owner)', path: `/api/leads?q=${ownerLead.phone.slice(3, 9)}&limit=50`, token: ownerLogin.accessToken });
  cases.push({ name: 'due (owner)', path: '/api/leads?due=1&limit=50', token: ownerLogin.accessToken });
  const results = [];
  let ok = true;
  for (const c of cases) {
    const r = await time(c.path, c.token);
    const empty = r.rows === 0;
    if (empty) ok = false;
    if (r.median > 20 || r.p95 > 50) ok = false;
    results.push({ name: c.name, median: r.median, p95: r.p95, rows: r.rows });
    log(`${c.name.padEnd(24)} median ${r.median.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  rows ${r.rows}${empty ? '  ← NO ROWS' : ''}`);
  }
  // 10 parallel clients on the owner's phone-digit search for 5 seconds.
  const digitsPath = cases.find((c) => c.name === 'q phone digits (owner)').path;
  let done = 0;
  const until = Date.now() + 5000;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (Date.now() < until) {
      await get(digitsPath, ownerLogin.accessToken);
      done++;
    }
  }));
  const digitsRps = done / 5;
  log(`phone digits, 10 clients: ${digitsRps.toFixed(0)} req/s (target ≥ 300 on MariaDB)`);
  await api.stop();
  return { leads, database: databaseUrl ? 'mysql' : 'sqlite', cases: results, digitsRps, ok };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ leads: Number(process.env.BENCH_LEADS ?? 1_000_000), samples: Number(process.env.BENCH_SAMPLES ?? 30), databaseUrl: process.env.BENCH_DATABASE_URL ?? '' });
  console.log(result.ok ? 'lead list: within budget, every case found rows' : 'lead list: OVER BUDGET or a case found no rows');
  process.exitCode = result.ok ? 0 : 1;
}

/** For `npm run bench`: the lead pool on SQLite and on MariaDB, each case's p95 against the issue's budget. */
export const scenarios = [
  {
    name: 'lead_list',
    async run(ctx) {
      const { freshMariaDb } = await import('../harness.mjs');
      const results = [];
      for (const kind of ['sqlite', 'mariadb']) {
        const db = kind === 'mariadb' ? await freshMariaDb(ctx.mariadb) : null;
        ctx.progress(`lead_list on ${kind}: ${ctx.sizes.leads.toLocaleString('en')} leads, every filter and sort`);
        try {
          const r = await run({ leads: ctx.sizes.leads, samples: ctx.quick ? 10 : 30, databaseUrl: db?.url ?? '', log: ctx.progress });
          const worst = Math.max(...r.cases.map((c) => c.p95));
          const empty = r.cases.filter((c) => c.rows === 0).map((c) => c.name);
          results.push({ name: `lead_list.p95_ms.${kind}`, unit: 'ms', value: Math.round(worst * 10) / 10, budget: '≤ 50', ok: r.ok && worst <= 50, detail: `${r.cases.length} cases, worst p95; digit search ${Math.round(r.digitsRps)} req/s${empty.length ? `; no rows: ${empty.join(', ')}` : ''}` });
        } finally {
          await db?.drop();
        }
      }
      return results;
    },
  },
];

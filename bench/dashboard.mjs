// Quick check of 数据看板's budget (issue 12: every dashboard call under 100 ms at the API with 10,000,000 visit
// events): the built API on a fresh MariaDB database whose roll-ups hold what 10M visit events leave behind, then
// each stats route timed over HTTP (median and p95 of BENCH_SAMPLES sequential calls after a warm-up).
//
//   BENCH_DATABASE=mysql://root@127.0.0.1:3307/ node bench/dashboard.mjs
//
// 10,000,000 visit events ≈ 2,200,000 page views (each view brings dwell, read-depth and form beacons) spread over
// 90 days, 5,000 staff in 200 branches and 100 contents: 8,000 roll-up rows a day (720,000 in all). The roll-ups are
// written directly (bulk INSERTs, as B5's generator will), not through the API.
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { startApi, post } from './support.mjs';

const SERVER = process.env.BENCH_DATABASE ?? 'mysql://root@127.0.0.1:3307/';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const DAYS = 90;
const ROWS_PER_DAY = 8000;
const STAFF = 5000;
const BRANCHES = 200;
const CONTENTS = 100;

const id = (prefix, n) => `${prefix}${String(n).padStart(26 - prefix.length, '0')}`;
const pick = (n) => Math.floor(Math.random() * n);
const chinaDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

const base = new URL(SERVER);
const name = `fenji_dash_${randomBytes(4).toString('hex')}`;
const admin = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
base.pathname = `/${name}`;
const api = await startApi({ DATABASE_URL: base.toString() });
try {
  const db = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password), database: name });
  const started = Date.now();
  let views = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = chinaDay(Date.now() - d * 86400_000);
    const seen = new Set();
    const rows = [];
    while (rows.length < ROWS_PER_DAY) {
      const staff = pick(STAFF);
      const content = pick(CONTENTS);
      const r = Math.random();
      const depth = r < 0.7 ? 0 : r < 0.9 ? 1 : r < 0.97 ? 2 : 3;
      const key = `${staff}|${content}|${depth}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = 1 + pick(5);
      views += v;
      rows.push([day, id('S', staff), id('C', content), depth, id('B', staff % BRANCHES), depth === 0 ? pick(2) : pick(2), v, Math.max(1, v - pick(2)), pick(2), Math.random() < 0.05 ? 1 : 0]);
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await db.query('INSERT INTO stats_daily (day, staff_id, content_id, depth, branch_id, shares, views, unique_visitors, reshares, leads) VALUES ?', [rows.slice(i, i + 2000)]);
    }
    // The same day along each dimension, as the API keeps it.
    const dims = new Map();
    for (const [dayKey, staff, content, depth, branch, shares, v, unique, reshares, leads] of rows) {
      for (const [dim, value] of [['all', ''], ['branch', branch], ['staff', staff], ['content', content], ['depth', String(depth)]]) {
        const k = `${dim}|${value}`;
        const row = dims.get(k) ?? [dayKey, dim, value, 0, 0, 0, 0, 0, 0];
        row[3] += depth === 0 ? shares : 0;
        row[4] += shares;
        row[5] += v;
        row[6] += unique;
        row[7] += reshares;
        row[8] += leads;
        dims.set(k, row);
      }
    }
    const dimRows = [...dims.values()];
    for (let i = 0; i < dimRows.length; i += 2000) {
      await db.query('INSERT INTO stats_daily_dims (day, dim, dim_value, shares, all_shares, views, unique_visitors, reshares, leads) VALUES ?', [dimRows.slice(i, i + 2000)]);
    }
  }
  await db.query('ANALYZE TABLE stats_daily, stats_daily_dims');
  console.log(`seeded ${DAYS * ROWS_PER_DAY} roll-up rows (${views} views) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.end();

  const { accessToken } = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const from = new Date(Date.now() - 30 * 86400_000).toISOString();
  const cases = {
    'funnel (HQ, 30 days)': `/api/stats/funnel?from=${from}`,
    'funnel (one staff member)': `/api/stats/funnel?from=${from}&staffId=${id('S', 7)}`,
    'funnel (one branch)': `/api/stats/funnel?from=${from}&branchId=${id('B', 7)}`,
    'funnel (one content)': `/api/stats/funnel?from=${from}&contentId=${id('C', 7)}`,
    'trend (HQ, 30 days)': `/api/stats/trend?from=${from}`,
    'leaderboard by staff': `/api/stats/leaderboard?by=staff&from=${from}`,
    'leaderboard by branch': `/api/stats/leaderboard?by=branch&metric=views&from=${from}`,
    'contents': `/api/stats/contents?from=${from}`,
    'chain depth': `/api/stats/chain-depth?from=${from}`,
    'activity': '/api/stats/activity?limit=20',
  };
  const results = [];
  for (const [label, path] of Object.entries(cases)) {
    const times = [];
    for (let i = 0; i < SAMPLES + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${accessToken}` } });
      await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      if (i >= 3) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
    results.push({ label, median: median.toFixed(1), p95: p95.toFixed(1), ok: p95 <= 100 });
  }
  console.table(results);
} finally {
  await api.stop();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}

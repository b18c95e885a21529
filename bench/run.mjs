// npm run bench [-- --quick] [--only landing,events] [--leads N --events N --staff N --branches N]
// Builds what is missing, starts a throwaway MariaDB, runs every scenario of bench/scenarios/*.mjs (each exports
// `scenarios: [{ name, run(ctx) → results }]`), and writes bench/results/latest.json and latest.md.
// Full: rounds of 20 s (tables grow while load runs); --quick: 5 s rounds, fewer of them, smaller data (< 5 min).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAll, ensureInstalled, log, ROOT } from '../scripts/lib.mjs';
import { rssMb } from './harness.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = flag('quick');
const only = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? args[i + 1].split(',') : null;
})();

const started = Date.now();
const progress = (line) => log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
ensureInstalled();
buildAll();

const port = 3800 + Math.floor(Math.random() * 100);
const mariadb = execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'start', String(port)], { encoding: 'utf8' }).trim();
const ctx = {
  quick,
  seconds: quick ? 5 : 20,
  rounds: quick ? 2 : 4,
  sizes: { leads: option('leads', quick ? 100_000 : 1_000_000), events: option('events', quick ? 1_000_000 : 10_000_000), staff: option('staff', quick ? 500 : 5_000), branches: option('branches', quick ? 20 : 200) },
  mariadb,
  progress,
  apis: [],
  rss: [],
};

const results = [];
try {
  const files = readdirSync(join(ROOT, 'bench/scenarios')).filter((f) => f.endsWith('.mjs')).sort();
  for (const file of files) {
    const mod = await import(pathToFileURL(join(ROOT, 'bench/scenarios', file)).href);
    for (const scenario of mod.scenarios ?? []) {
      if (only && !only.includes(scenario.name)) continue;
      progress(`scenario ${scenario.name} (${file})`);
      try {
        results.push(...(await scenario.run(ctx)));
      } catch (error) {
        progress(`scenario ${scenario.name} failed: ${error.message}`);
        results.push({ name: scenario.name, unit: '', value: null, budget: '', ok: false, detail: `failed: ${error.message}` });
      }
    }
  }
  // Scenarios of the issue that no file provides yet are reported, never silently missing.
  for (const [name, reason] of [
    ['lead_list.p95_ms', 'bench/scenarios/lead-list.mjs'],
    ['dashboard.p95_ms', 'bench/scenarios/dashboard.mjs'],
    ['export.rows_per_s', 'bench/scenarios/export.mjs'],
    ['radar.fanout_ms', 'bench/scenarios/radar.mjs'],
  ]) {
    if (!only && !results.some((r) => r.name.startsWith(name.split('.')[0]))) results.push({ name, unit: '', value: null, budget: '', ok: null, skipped: `no scenario yet (${reason})` });
  }
  const maxRss = Math.max(0, ...ctx.rss.map((r) => r.mb), ...ctx.apis.map((a) => { try { return rssMb(a.pid); } catch { return 0; } }));
  if (maxRss) results.push({ name: 'api.rss_mb', unit: 'MB', value: Math.round(maxRss), budget: '≤ 300', ok: maxRss <= 300 });
} finally {
  for (const api of ctx.apis) await api.stop().catch(() => undefined);
  execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'stop', String(port)]);
}

const report = { startedAt: new Date(started).toISOString(), node: process.version, cpus: cpus().length, quick, results };
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
const rows = results.map((r) => `| ${r.name} | ${r.value ?? '—'} ${r.unit} | ${r.baseline ?? ''} | ${r.budget} | ${r.ok === true ? 'ok' : r.ok === false ? '**missed**' : 'skipped'} | ${r.detail ?? r.skipped ?? ''} |`);
const md = [`# Bench ${report.startedAt} (${quick ? 'quick' : 'full'}, Node ${report.node}, ${report.cpus} CPUs)`, '', '| name | value | baseline | budget | | detail |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
writeFileSync(join(ROOT, 'bench/results/latest.md'), md);
console.log(`\n${md}`);
process.exit(results.some((r) => r.ok === false) ? 1 : 0);

// npm test: installs what is missing and runs every test suite; the last line sums them all.
//   TEST_DATABASE_URL=mysql://root@127.0.0.1:3307/  also runs the API's database tests on MySQL/MariaDB.
//   TEST_REDIS_URL=redis://127.0.0.1:6390  (with TEST_DATABASE_URL) also runs the cluster suite: Redis, two API
//   processes; TEST_GALERA_URLS="<three node URLs>" adds the Galera + HAProxy tests to it (.ci/run sets all three).
//   FENJI_TEST_ONLY=api,h5  runs only the named suites.
import { spawn } from 'node:child_process';
import { buildAll, ensureInstalled, log, pnpm, ROOT } from './lib.mjs';
import { ensureChromium } from './chromium.mjs';

function countsFrom(output) {
  const strip = output.replace(/\x1b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  let found = false;
  // jest: "Tests:       1 failed, 59 passed, 60 total"
  for (const m of strip.matchAll(/^Tests:\s+(.*)$/gm)) {
    found = true;
    passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
  }
  // vitest: "      Tests  1 failed | 11 passed (12)"
  for (const m of strip.matchAll(/^\s+Tests\s+(.*\(\d+\))\s*$/gm)) {
    found = true;
    passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
  }
  // node --test: "ℹ pass 3" / "ℹ fail 0" on a terminal, "# pass 3" / "# fail 0" as TAP
  const nodePass = /^(?:ℹ|#) pass (\d+)$/m.exec(strip);
  if (nodePass) {
    found = true;
    passed += Number(nodePass[1]);
    failed += Number(/^(?:ℹ|#) fail (\d+)$/m.exec(strip)?.[1] ?? 0);
  }
  return { passed, failed, found };
}

function runSuite(suite) {
  return new Promise((resolvePromise) => {
    log(`suite: ${suite.name}`);
    const [cmd, ...pre] = suite.cmd[0] === 'pnpm' ? [...pnpm(), ...suite.cmd.slice(1)] : suite.cmd;
    const child = spawn(cmd, pre, { cwd: ROOT, env: { ...process.env, ...(suite.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      let { passed, failed, found } = suite.single ? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, found: true } : countsFrom(output);
      if (code !== 0 && failed === 0) failed = 1; // crashed or failed outside a test
      if (!found && code === 0) failed = 1; // ran no test: that is not a pass
      resolvePromise({ name: suite.name, passed, failed, code });
    });
  });
}

const only = process.env.FENJI_TEST_ONLY?.split(',').map((s) => s.trim());
const suites = [
  { name: 'shared', cmd: ['pnpm', '--filter', '@fenji/shared', 'exec', 'jest'] },
  { name: 'typecheck', cmd: ['pnpm', '-r', '--workspace-concurrency=1', '--if-present', 'run', 'typecheck'], single: true },
  { name: 'api', cmd: ['pnpm', '--filter', '@fenji/api', 'exec', 'jest'], env: { TEST_DATABASE_URL: '' } },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'api-mariadb', cmd: ['pnpm', '--filter', '@fenji/api', 'exec', 'jest', 'test/'] }] : []),
  ...(process.env.TEST_REDIS_URL ? [{ name: 'cluster', cmd: ['pnpm', '--filter', '@fenji/api', 'exec', 'jest', '--testMatch', process.env.TEST_GALERA_URLS ? '**/*.cluster-spec.ts' : '**/{redis-ports,two-processes}.cluster-spec.ts'] }] : []),
  { name: 'h5', cmd: ['pnpm', '--filter', '@fenji/h5', 'exec', 'vitest', 'run'] },
  { name: 'miniprogram', cmd: ['pnpm', '--filter', '@fenji/miniprogram', 'exec', 'jest'] },
  { name: 'weapp-build', cmd: ['pnpm', '--filter', '@fenji/miniprogram', 'run', 'build:weapp-checked'], single: true },
  { name: 'browser', cmd: ['pnpm', '--filter', '@fenji/e2e', 'test'], needs: 'browser' },
].filter((s) => !only || only.includes(s.name));

ensureInstalled();
if (suites.some((s) => s.needs === 'browser')) {
  buildAll();
  if (!ensureChromium()) console.error('[fenji] Chromium is not available: the browser suite will fail.');
}

const results = [];
for (const suite of suites) results.push(await runSuite(suite));
if (process.env.FENJI_MARIADB_MISSING) results.push({ name: 'api-mariadb', passed: 0, failed: 1 });
if (process.env.FENJI_CLUSTER_MISSING) results.push({ name: 'cluster', passed: 0, failed: 1 });

console.log('\n== Fenji test summary ==');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(14)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

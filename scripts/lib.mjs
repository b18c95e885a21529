// Shared by start.mjs, test.mjs and build.mjs: find pnpm, install what is missing, build what is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';

export function log(message) {
  console.log(`\x1b[36m[fenji]\x1b[0m ${message}`);
}

/** Runs a command in the repo, inheriting output; returns the exit code. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options, env: { ...process.env, ...(options.env ?? {}) } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function mustRun(cmd, args, options = {}) {
  const code = run(cmd, args, options);
  if (code !== 0) {
    console.error(`[fenji] failed (${code}): ${cmd} ${args.join(' ')}`);
    process.exit(code);
  }
}

let pnpmCommand = null;
/** The pnpm pinned for this repo: a global one of the right version, else through npx. */
export function pnpm() {
  if (pnpmCommand) return pnpmCommand;
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  pnpmCommand = found.status === 0 && found.stdout.trim() === PNPM_VERSION ? ['pnpm'] : ['npx', '-y', `pnpm@${PNPM_VERSION}`];
  return pnpmCommand;
}

export function runPnpm(args, options) {
  const [cmd, ...pre] = pnpm();
  return run(cmd, [...pre, ...args], options);
}

export function mustPnpm(args, options) {
  const [cmd, ...pre] = pnpm();
  mustRun(cmd, [...pre, ...args], options);
}

function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist' && !name.startsWith('dist-')) walk(join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach((p) => walk(resolve(ROOT, p)));
  return newest;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = resolve(ROOT, 'node_modules/.modules.yaml');
  const lock = resolve(ROOT, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (first run takes a few minutes: better-sqlite3 compiles from source)…');
  const env = {};
  // node-gyp must build against the local Node headers instead of downloading them.
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  mustPnpm(['install', '--frozen-lockfile'], { env });
}

/** Runs `build` (a script's name, or a command to exec) for a package when its sources are newer than its last build. */
export function buildIfStale(name, filter, sources, script = 'build') {
  const stampDir = resolve(ROOT, 'node_modules/.fenji-build');
  const label = Array.isArray(script) ? script.join(' ') : script;
  const stamp = join(stampDir, `${name}-${Array.isArray(script) ? 'exec' : script}.stamp`);
  const newest = newestMtime([...sources, 'pnpm-lock.yaml']);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  log(`building ${name} (${label})…`);
  mustPnpm(['--filter', filter, ...(Array.isArray(script) ? ['exec', ...script] : ['run', script])]);
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

/** Everything `node apps/api/dist/main.js` serves: shared contracts, landing + console, staff H5, the API. */
export function buildAll() {
  buildShared();
  buildIfStale('h5', '@fenji/h5', ['apps/h5/src', 'apps/h5/index.html', 'apps/h5/package.json', 'apps/h5/vite.config.ts', 'apps/h5/vite.landing.config.ts', 'packages/shared/src']);
  buildIfStale('miniprogram-h5', '@fenji/miniprogram', ['apps/miniprogram/src', 'apps/miniprogram/config', 'apps/miniprogram/package.json', 'packages/shared/src'], 'build:h5');
  buildApi();
}

function buildShared() {
  buildIfStale('shared', '@fenji/shared', ['packages/shared/src', 'packages/shared/package.json', 'tsconfig.base.json']);
}

function buildApi() {
  buildIfStale('api', '@fenji/api', ['apps/api/src', 'apps/api/package.json', 'apps/api/tsconfig.json', 'packages/shared/src', 'apps/h5/src/landing']);
}

/** The API alone (what a command-line tool of the API needs): the contracts, the landing renderer, the API. */
export function buildApiOnly() {
  buildShared();
  buildIfStale('h5-landing-server', '@fenji/h5', ['apps/h5/src/landing', 'apps/h5/package.json', 'apps/h5/tsconfig.server.json', 'packages/shared/src'], ['tsc', '-p', 'tsconfig.server.json']);
  buildApi();
}

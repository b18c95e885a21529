#!/usr/bin/env node
/**
 * Sizes of the built WeChat mini-program (dist/weapp): the main package is everything outside the subpackage
 * roots listed in the built app.json. Exits 1 when the main package is over the project's 1 MB budget (half of
 * WeChat's 2 MB limit, leaving room for the tab pages to grow).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_LIMIT_KB = 1024;
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(appRoot, 'dist', 'weapp');
const appJsonPath = join(distDir, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(`no ${relative(appRoot, appJsonPath)}: run \`taro build --type weapp\` first`);
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const roots = (appJson.subPackages ?? appJson.subpackages ?? [])
  .map((pkg) => String(pkg.root).replace(/^\/+|\/+$/g, ''))
  .filter(Boolean);

/** Every file under dir, as [path relative to dist/weapp with '/', size in bytes]. */
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield [relative(distDir, path).split(sep).join('/'), statSync(path).size];
  }
}

const sizes = new Map([['main', 0], ...roots.map((root) => [root, 0])]);
for (const [path, size] of files(distDir)) {
  const owner = roots.find((root) => path === root || path.startsWith(`${root}/`)) ?? 'main';
  sizes.set(owner, sizes.get(owner) + size);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const mainBytes = sizes.get('main');
console.log(`main package: ${kb(mainBytes)} KB of ${MAIN_LIMIT_KB} KB`);
for (const root of roots) console.log(`subpackage ${root}: ${kb(sizes.get(root))} KB`);
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`total: ${kb(total)} KB`);

if (mainBytes > MAIN_LIMIT_KB * 1024) {
  console.error(`the main package is over the ${MAIN_LIMIT_KB} KB budget: move pages or the modules only they use into subpackages`);
  process.exit(1);
}

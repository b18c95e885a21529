// Debian's Chromium for the browser tests (never a downloaded browser build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log } from './lib.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when Chromium is there, installing Debian's package first when we may (root). */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.getuid?.() !== 0) return false;
  log('installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
  return existsSync(CHROMIUM_PATH);
}

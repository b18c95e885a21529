import { randomBytes } from 'node:crypto';
import { passwordProblem } from '@fenji/shared';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

export type DatabaseConfig =
  | { type: 'mysql'; url: string; host: string; port: number; username: string; password: string; database: string }
  | { type: 'sqlite'; path: string };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  jwtSecret: string;
  publicBaseUrl: string;
  demo: boolean;
  hqAdmin: { phone: string; password: string } | null;
  wechat: { apiBase: string; appId: string | null; appSecret: string | null };
  apiDocs: boolean;
  logLevel: string;
  /** Public lead submissions per client IP per minute. */
  leadRateLimitPerMinute: number;
  /** Failed logins per (phone, client IP) in 15 minutes before that pair is throttled; per IP ×4. */
  loginMaxFailures: number;
  /** Failed logins per phone from all addresses in an hour: the slower limit on a guess spread over many IPs. */
  loginMaxFailuresPerAccount: number;
  /** Which peers are proxies whose X-Forwarded-For is believed: false, a hop count, or addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** mysql2 connect and per-query timeout; a query past it fails, and the request answers 503 DB_UNAVAILABLE. */
  dbTimeoutMs: number;
  /** Any request still unanswered after this answers 503 (a customer's form gets an answer and retries). */
  requestTimeoutMs: number;
  staticDirs: { console: string; staffApp: string; landingAssets: string };
  /** TTL of the rendered-landing cache; other processes see content edits within this time. */
  landingCacheSeconds: number;
  visitFlushMs: number;
  /** Visit events (page views, beacons) of one share from one address per minute; more are dropped silently. */
  visitEventsPerAddressPerMinute: number;
  /** How often each process runs the recycling job; 0 turns the timer off (POST /api/jobs/recycle still runs it). */
  recycleIntervalSeconds: number;
}

/** A configuration problem: start-up stops with this one line. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/**
 * TRUST_PROXY: unset or 0 → trust no proxy (the socket's address is the client); a whole number N → the client
 * is N hops to the left of the socket in X-Forwarded-For; otherwise a comma-separated list of proxy addresses or
 * CIDRs (`10.0.0.1,10.1.0.0/16`, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return 1; // the old switch: one proxy in front
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY hop count must be at most 10, got "${raw}"`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!named && (!family || !validBits || extra !== undefined)) {
      throw new ConfigError(`TRUST_PROXY must be a hop count or proxy addresses/CIDRs separated by commas, got "${raw}"`);
    }
  }
  return entries;
}

export function parseDatabaseUrl(raw: string | undefined, cwd: string): DatabaseConfig {
  if (!raw) return { type: 'sqlite', path: resolve(cwd, 'data', 'fenji.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (!path) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/fenji.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be mysql://user:pass@host:port/db or sqlite:PATH');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(`DATABASE_URL scheme "${url.protocol}" is not supported: use mysql:// or sqlite:`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new ConfigError('DATABASE_URL must name the database: mysql://user:pass@host:port/db');
  return {
    type: 'mysql',
    url: raw,
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  };
}

function httpOrigin(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** In demo mode a missing JWT secret is made once and kept beside the demo database, so logins survive a restart. */
function demoSecret(database: DatabaseConfig, cwd: string): string {
  const file = database.type === 'sqlite' && database.path !== ':memory:' ? resolve(dirname(database.path), '.jwt-secret') : resolve(cwd, 'data', '.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const demo = flag(env, 'DEMO');
  const database = parseDatabaseUrl(env.DATABASE_URL, cwd);

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret && demo) jwtSecret = demoSecret(database, cwd);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET is required (at least 32 characters) unless DEMO=1');
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');

  const phone = env.HQ_ADMIN_PHONE || '';
  const password = env.HQ_ADMIN_PASSWORD || '';
  if (Boolean(phone) !== Boolean(password)) throw new ConfigError('HQ_ADMIN_PHONE and HQ_ADMIN_PASSWORD go together: set both or neither');
  if (password) {
    const weak = passwordProblem(password);
    if (weak) throw new ConfigError(`HQ_ADMIN_PASSWORD is refused: ${weak}`);
  }

  const repoRoot = resolve(__dirname, '..', '..', '..', '..', '..');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    database,
    jwtSecret,
    publicBaseUrl: httpOrigin(env, 'PUBLIC_BASE_URL', `http://localhost:${port || 3000}`),
    demo,
    hqAdmin: phone ? { phone, password } : null,
    wechat: {
      apiBase: httpOrigin(env, 'WECHAT_API_BASE', 'https://api.weixin.qq.com'),
      appId: env.WECHAT_APPID || null,
      appSecret: env.WECHAT_SECRET || null,
    },
    apiDocs: env.API_DOCS === undefined ? true : flag(env, 'API_DOCS'),
    logLevel: env.LOG_LEVEL || 'info',
    leadRateLimitPerMinute: int(env, 'LEAD_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 100, 1, 100_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    dbTimeoutMs: int(env, 'DB_QUERY_TIMEOUT_MS', 5000, 100, 600_000),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 10_000, 200, 600_000),
    staticDirs: {
      console: resolve(env.CONSOLE_DIR || resolve(repoRoot, 'apps/h5/dist/console')),
      staffApp: resolve(env.STAFF_APP_DIR || resolve(repoRoot, 'apps/miniprogram/dist/h5')),
      landingAssets: resolve(env.LANDING_ASSETS_DIR || resolve(repoRoot, 'apps/h5/dist/landing')),
    },
    landingCacheSeconds: int(env, 'LANDING_CACHE_SECONDS', 30, 0, 86400),
    visitFlushMs: int(env, 'VISIT_FLUSH_MS', 1000, 10, 60000),
    visitEventsPerAddressPerMinute: int(env, 'VISIT_EVENTS_PER_ADDRESS_PER_MINUTE', 120, 1, 1_000_000_000),
    recycleIntervalSeconds: int(env, 'RECYCLE_INTERVAL_SECONDS', 600, 0, 86400),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

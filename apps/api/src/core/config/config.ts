import { randomBytes } from 'node:crypto';
import { passwordProblem, z } from '@fenji/shared';
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
  /** Subscribe-message templates of the mini-program by topic (WECHAT_SUBSCRIBE_TEMPLATES), and the alerts' cap. */
  alerts: { templates: Partial<Record<'new_lead' | 'hot_return', string>>; perStaffPerHour: number };
  apiDocs: boolean;
  logLevel: string;
  /** `pretty`: readable lines for a person (npm start); `json`: one JSON object a line (production, the default). */
  logFormat: 'json' | 'pretty';
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
  /** Redis for what several API processes share (core/coordination); null: in-process, one API process. */
  redisUrl: string | null;
  /** The official account for JS-SDK and web OAuth on landing pages (not the mini-program); null: not configured. */
  wechatOa: { appId: string; appSecret: string; openBase: string } | null;
  /** Uploaded media: a directory (default data/media), or an S3-compatible bucket when MEDIA_S3_BUCKET is set. */
  media: { dir: string; s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null };
  /** Visit events older than this many days are purged by the retention job. */
  retentionVisitDays: number;
  /** Leads not converted and neither touched nor followed up for this many days are anonymised by the retention job. */
  retentionLeadDays: number;
  /** How often each process runs the retention job; 0 turns the timer off. */
  retentionIntervalSeconds: number;
  /** Bearer token of `GET /metrics`; null: the route answers 404. */
  metricsToken: string | null;
}

/** A configuration problem: start-up stops with this one line. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** A whole number in [min, max]; `fallback` when unset or empty. */
const int = (name: string, fallback: number, min: number, max: number) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${raw}"` });
    return z.NEVER;
  });

/** 1/true or 0/false; `fallback` when unset or empty. */
const flag = (name: string, fallback = false) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be 1 or 0, got "${raw}"` });
    return z.NEVER;
  });

/** One of `values`; `fallback` when unset or empty. */
const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')}, got "${raw}"` });
    return z.NEVER;
  });

/** An http(s) origin without a trailing slash; `fallback` when unset or empty (undefined: none). */
const httpOrigin = (name: string, fallback?: string) =>
  z.string().optional().transform((value, ctx) => {
    const raw = value || fallback;
    if (raw === undefined) return undefined;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      // reported below
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return raw.replace(/\/+$/, '');
    ctx.addIssue({ code: 'custom', message: `${name} must be an http(s) URL, got "${raw}"` });
    return z.NEVER;
  });

/** A parser that throws ConfigError, as a schema field (its message becomes the one line). */
const parsedBy = <T>(parse: (raw: string | undefined) => T) =>
  z.string().optional().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });

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

/** Uploaded media by default: beside the SQLite file, or `data/media` under the working directory. */
function mediaDirBeside(database: DatabaseConfig, cwd: string): string {
  return database.type === 'sqlite' && database.path !== ':memory:' ? resolve(dirname(database.path), 'media') : resolve(cwd, 'data', 'media');
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

/**
 * The environment, read by one schema: each variable's type, range and default, and the rules between them. The
 * first problem stops start-up with one clear line (ConfigError).
 */
/** `new_lead=TEMPLATE_ID,hot_return=TEMPLATE_ID`: the mini-program's subscribe-message template of each alert. */
function parseSubscribeTemplates(raw: string | undefined): Partial<Record<'new_lead' | 'hot_return', string>> {
  const out: Partial<Record<'new_lead' | 'hot_return', string>> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [topic, id] = part.split('=').map((p) => p.trim());
    if ((topic === 'new_lead' || topic === 'hot_return') && id && /^[\w-]{1,64}$/.test(id)) out[topic] = id;
    else throw new ConfigError(`WECHAT_SUBSCRIBE_TEMPLATES must be new_lead=<template id>,hot_return=<template id>, got "${part}"`);
  }
  return out;
}

function environmentSchema(cwd: string) {
  const repoRoot = resolve(__dirname, '..', '..', '..', '..', '..');
  const dir = (raw: string | undefined, fallback: string) => resolve(raw || resolve(repoRoot, fallback));
  return z
    .object({
      PORT: int('PORT', 3000, 0, 65535),
      HOST: z.string().optional(),
      DEMO: flag('DEMO'),
      DATABASE_URL: parsedBy((raw) => parseDatabaseUrl(raw, cwd)),
      JWT_SECRET: z.string().optional(),
      HQ_ADMIN_PHONE: z.string().optional(),
      HQ_ADMIN_PASSWORD: z.string().optional(),
      PUBLIC_BASE_URL: httpOrigin('PUBLIC_BASE_URL'),
      WECHAT_API_BASE: httpOrigin('WECHAT_API_BASE', 'https://api.weixin.qq.com'),
      WECHAT_APPID: z.string().optional(),
      WECHAT_SECRET: z.string().optional(),
      WECHAT_SUBSCRIBE_TEMPLATES: parsedBy(parseSubscribeTemplates),
      ALERTS_PER_STAFF_PER_HOUR: int('ALERTS_PER_STAFF_PER_HOUR', 6, 0, 1000),
      API_DOCS: flag('API_DOCS', true),
      LOG_LEVEL: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
      LOG_FORMAT: oneOf('LOG_FORMAT', ['json', 'pretty'] as const, 'json'),
      LEAD_RATE_LIMIT_PER_MINUTE: int('LEAD_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
      LOGIN_MAX_FAILURES: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
      LOGIN_MAX_FAILURES_PER_ACCOUNT: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 100, 1, 100_000),
      TRUST_PROXY: parsedBy(parseTrustProxy),
      DB_QUERY_TIMEOUT_MS: int('DB_QUERY_TIMEOUT_MS', 5000, 100, 600_000),
      REQUEST_TIMEOUT_MS: int('REQUEST_TIMEOUT_MS', 10_000, 200, 600_000),
      CONSOLE_DIR: z.string().optional(),
      STAFF_APP_DIR: z.string().optional(),
      LANDING_ASSETS_DIR: z.string().optional(),
      LANDING_CACHE_SECONDS: int('LANDING_CACHE_SECONDS', 30, 0, 86400),
      VISIT_FLUSH_MS: int('VISIT_FLUSH_MS', 1000, 10, 60000),
      VISIT_EVENTS_PER_ADDRESS_PER_MINUTE: int('VISIT_EVENTS_PER_ADDRESS_PER_MINUTE', 120, 1, 1_000_000_000),
      RECYCLE_INTERVAL_SECONDS: int('RECYCLE_INTERVAL_SECONDS', 600, 0, 86400),
      WECHAT_OA_APPID: z.string().optional(),
      WECHAT_OA_SECRET: z.string().optional(),
      WECHAT_OPEN_BASE: httpOrigin('WECHAT_OPEN_BASE', 'https://open.weixin.qq.com'),
      MEDIA_DIR: z.string().optional(),
      MEDIA_S3_ENDPOINT: httpOrigin('MEDIA_S3_ENDPOINT'),
      MEDIA_S3_BUCKET: z.string().optional(),
      MEDIA_S3_REGION: z.string().optional(),
      MEDIA_S3_ACCESS_KEY_ID: z.string().optional(),
      MEDIA_S3_SECRET_ACCESS_KEY: z.string().optional(),
      RETENTION_VISIT_DAYS: int('RETENTION_VISIT_DAYS', 365, 1, 36500),
      RETENTION_LEAD_DAYS: int('RETENTION_LEAD_DAYS', 730, 1, 36500),
      RETENTION_INTERVAL_SECONDS: int('RETENTION_INTERVAL_SECONDS', 3600, 0, 604800),
      METRICS_TOKEN: z.string().optional().transform((raw, ctx) => {
        if (!raw) return null;
        if (raw.length >= 16) return raw;
        ctx.addIssue({ code: 'custom', message: 'METRICS_TOKEN must be at least 16 characters' });
        return z.NEVER;
      }),
      REDIS_URL: z.string().optional().transform((raw, ctx) => {
        if (!raw) return null;
        if (/^rediss?:\/\/[^\s]+$/.test(raw)) return raw;
        ctx.addIssue({ code: 'custom', message: `REDIS_URL must be redis://[user:pass@]host:port[/db], got "${raw}"` });
        return z.NEVER;
      }),
    })
    .superRefine((env, ctx) => {
      if (!env.JWT_SECRET && !env.DEMO) ctx.addIssue({ code: 'custom', message: 'JWT_SECRET is required (at least 32 characters) unless DEMO=1' });
      else if (env.JWT_SECRET && env.JWT_SECRET.length < 32) ctx.addIssue({ code: 'custom', message: 'JWT_SECRET must be at least 32 characters' });
      if (Boolean(env.HQ_ADMIN_PHONE) !== Boolean(env.HQ_ADMIN_PASSWORD)) {
        ctx.addIssue({ code: 'custom', message: 'HQ_ADMIN_PHONE and HQ_ADMIN_PASSWORD go together: set both or neither' });
      } else if (env.HQ_ADMIN_PASSWORD) {
        const weak = passwordProblem(env.HQ_ADMIN_PASSWORD);
        if (weak) ctx.addIssue({ code: 'custom', message: `HQ_ADMIN_PASSWORD is refused: ${weak}` });
      }
      if (Boolean(env.WECHAT_OA_APPID) !== Boolean(env.WECHAT_OA_SECRET)) ctx.addIssue({ code: 'custom', message: 'WECHAT_OA_APPID and WECHAT_OA_SECRET go together: set both or neither' });
      if (env.MEDIA_S3_BUCKET && !(env.MEDIA_S3_ENDPOINT && env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY)) {
        ctx.addIssue({ code: 'custom', message: 'MEDIA_S3_BUCKET needs MEDIA_S3_ENDPOINT, MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY' });
      }
    })
    .transform(
      (env): AppConfig => ({
        port: env.PORT,
        host: env.HOST || '0.0.0.0',
        database: env.DATABASE_URL,
        // In demo mode a missing secret is made once and kept beside the demo database (logins survive a restart).
        jwtSecret: env.JWT_SECRET || demoSecret(env.DATABASE_URL, cwd),
        publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT || 3000}`,
        demo: env.DEMO,
        hqAdmin: env.HQ_ADMIN_PHONE && env.HQ_ADMIN_PASSWORD ? { phone: env.HQ_ADMIN_PHONE, password: env.HQ_ADMIN_PASSWORD } : null,
        wechat: { apiBase: env.WECHAT_API_BASE as string, appId: env.WECHAT_APPID || null, appSecret: env.WECHAT_SECRET || null },
        alerts: { templates: env.WECHAT_SUBSCRIBE_TEMPLATES, perStaffPerHour: env.ALERTS_PER_STAFF_PER_HOUR },
        apiDocs: env.API_DOCS,
        logLevel: env.LOG_LEVEL,
        logFormat: env.LOG_FORMAT,
        leadRateLimitPerMinute: env.LEAD_RATE_LIMIT_PER_MINUTE,
        loginMaxFailures: env.LOGIN_MAX_FAILURES,
        loginMaxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        trustProxy: env.TRUST_PROXY,
        dbTimeoutMs: env.DB_QUERY_TIMEOUT_MS,
        requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
        staticDirs: {
          console: dir(env.CONSOLE_DIR, 'apps/h5/dist/console'),
          staffApp: dir(env.STAFF_APP_DIR, 'apps/miniprogram/dist/h5'),
          landingAssets: dir(env.LANDING_ASSETS_DIR, 'apps/h5/dist/landing'),
        },
        landingCacheSeconds: env.LANDING_CACHE_SECONDS,
        visitFlushMs: env.VISIT_FLUSH_MS,
        visitEventsPerAddressPerMinute: env.VISIT_EVENTS_PER_ADDRESS_PER_MINUTE,
        recycleIntervalSeconds: env.RECYCLE_INTERVAL_SECONDS,
        redisUrl: env.REDIS_URL,
        wechatOa: env.WECHAT_OA_APPID && env.WECHAT_OA_SECRET ? { appId: env.WECHAT_OA_APPID, appSecret: env.WECHAT_OA_SECRET, openBase: env.WECHAT_OPEN_BASE as string } : null,
        media: {
          dir: env.MEDIA_DIR ? resolve(env.MEDIA_DIR) : mediaDirBeside(env.DATABASE_URL, cwd),
          s3:
            env.MEDIA_S3_BUCKET && env.MEDIA_S3_ENDPOINT && env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY
              ? { endpoint: env.MEDIA_S3_ENDPOINT, bucket: env.MEDIA_S3_BUCKET, region: env.MEDIA_S3_REGION || 'us-east-1', accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY }
              : null,
        },
        retentionVisitDays: env.RETENTION_VISIT_DAYS,
        retentionLeadDays: env.RETENTION_LEAD_DAYS,
        retentionIntervalSeconds: env.RETENTION_INTERVAL_SECONDS,
        metricsToken: env.METRICS_TOKEN,
      }),
    );
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const parsed = environmentSchema(cwd).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0].message);
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

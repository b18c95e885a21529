import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

const base = { JWT_SECRET: 'a'.repeat(32) };

describe('loadConfig', () => {
  it('defaults to embedded SQLite under ./data and port 3000', () => {
    const c = loadConfig(base, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', path: '/srv/app/data/fenji.sqlite' });
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('reads every setting from one schema: defaults, trims, kinds', () => {
    const c = loadConfig({ ...base, PUBLIC_BASE_URL: 'https://m.example.com/', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', API_DOCS: '0', LOG_FORMAT: 'pretty', LOG_LEVEL: '' }, '/srv/app');
    expect(c).toMatchObject({ publicBaseUrl: 'https://m.example.com', trustProxy: ['10.0.0.0/8', '127.0.0.1'], apiDocs: false, logFormat: 'pretty', logLevel: 'info' });
    expect(loadConfig(base, '/').logFormat).toBe('json');
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }, '/').trustProxy).toBe(1);
    expect(loadConfig(base, '/').redisUrl).toBeNull();
    expect(loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379/2' }, '/').redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' }, '/')).toThrow(/^REDIS_URL must be redis:/);
  });

  it('privacy and operations: retention periods, the retention timer, the metrics token', () => {
    expect(loadConfig(base, '/')).toMatchObject({ retentionVisitDays: 365, retentionLeadDays: 730, retentionIntervalSeconds: 3600, metricsToken: null });
    const c = loadConfig({ ...base, RETENTION_VISIT_DAYS: '180', RETENTION_LEAD_DAYS: '540', RETENTION_INTERVAL_SECONDS: '0', METRICS_TOKEN: 'scrape-token-0123456789' }, '/');
    expect(c).toMatchObject({ retentionVisitDays: 180, retentionLeadDays: 540, retentionIntervalSeconds: 0, metricsToken: 'scrape-token-0123456789' });
    expect(() => loadConfig({ ...base, RETENTION_LEAD_DAYS: '0' }, '/')).toThrow(/^RETENTION_LEAD_DAYS must be a whole number from 1/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' }, '/')).toThrow(/^METRICS_TOKEN must be at least 16 characters$/);
  });

  it('reports the first problem only, as one line', () => {
    expect(() => loadConfig({ PORT: 'x', DEMO: 'maybe' }, '/')).toThrow(/^PORT must be a whole number from 0 to 65535, got "x"$/);
  });

  it('reads mysql:// URLs', () => {
    expect(parseDatabaseUrl('mysql://u:p%40ss@db.local:3307/fenji', '/')).toMatchObject({ type: 'mysql', host: 'db.local', port: 3307, username: 'u', password: 'p@ss', database: 'fenji' });
  });

  it.each([
    [{ JWT_SECRET: undefined }, /JWT_SECRET is required/],
    [{ JWT_SECRET: 'short' }, /at least 32/],
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x/y' }, /not supported/],
    [{ DATABASE_URL: 'mysql://host' }, /must name the database/],
    [{ DATABASE_URL: 'sqlite:' }, /file path/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, /PUBLIC_BASE_URL/],
    [{ HQ_ADMIN_PHONE: '13800000000' }, /go together/],
    [{ DEMO: 'yes' }, /DEMO must be 1 or 0/],
    [{ LOG_FORMAT: 'xml' }, /LOG_FORMAT must be one of json, pretty/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ TRUST_PROXY: '300.1.1.1' }, /TRUST_PROXY must be a hop count/],
    [{ TRUST_PROXY: '11' }, /hop count must be at most 10/],
    [{ WECHAT_API_BASE: 'not a url' }, /WECHAT_API_BASE must be an http\(s\) URL/],
    [{ DB_QUERY_TIMEOUT_MS: '50' }, /DB_QUERY_TIMEOUT_MS must be a whole number from 100/],
    [{ HQ_ADMIN_PHONE: '13800000000', HQ_ADMIN_PASSWORD: '12345678' }, /HQ_ADMIN_PASSWORD is refused/],
  ])('rejects %p with one clear line', (env, message) => {
    expect(() => loadConfig({ ...base, ...env } as Record<string, string>, '/')).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env } as Record<string, string>, '/')).toThrow(message);
  });
});

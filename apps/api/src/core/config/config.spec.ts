import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

const base = { JWT_SECRET: 'a'.repeat(32) };

describe('loadConfig', () => {
  it('defaults to embedded SQLite under ./data and port 3000', () => {
    const c = loadConfig(base, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', path: '/srv/app/data/fenji.sqlite' });
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
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
  ])('rejects %p with one clear line', (env, message) => {
    expect(() => loadConfig({ ...base, ...env } as Record<string, string>, '/')).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env } as Record<string, string>, '/')).toThrow(message);
  });
});

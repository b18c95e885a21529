import { MIGRATIONS } from '../src/core/database/migrations';
import { startApiProcess, useProcessDatabase, withDataSource, type ApiProcess } from './support/api-process';
import { loginHq } from './support/factories';
import { client } from './support/http';

/** Two API processes started at the same moment on an empty database: both come up, the migrations ran once. */
describe('migrations take a lock', () => {
  const ctx = useProcessDatabase();

  it('two processes starting together on an empty database migrate once', async () => {
    // Both open the empty database at the same moment, once their start-up (a few seconds) is behind them.
    const env = { LOG_LEVEL: 'info', FENJI_TEST_OPEN_DB_AT: String(Date.now() + 12_000) };
    const processes: ApiProcess[] = await Promise.all([startApiProcess(ctx.db.url, env), startApiProcess(ctx.db.url, env)]);
    for (const p of processes) expect((await loginHq(client(p.url))).token).toEqual(expect.any(String));

    const applied = processes.map((p) => /(\d+) migration\(s\) applied/.exec(p.output())?.[1] ?? null);
    expect(applied.filter((n) => n !== null)).toEqual([String(MIGRATIONS.length)]);
    expect(processes.filter((p) => p.output().includes('schema up to date'))).toHaveLength(1);

    await withDataSource(ctx.db.url, async (dataSource) => {
      const rows: Array<{ name: string; n: number | string }> = await dataSource.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      const admins: Array<{ n: number | string }> = await dataSource.query("SELECT COUNT(*) AS n FROM staff WHERE role = 'hq_admin'");
      expect(Number(admins[0].n)).toBe(1);
    });
  });
});

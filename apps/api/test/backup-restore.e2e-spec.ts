import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withDataSource } from './support/api-process';
import { createActiveStaff, createBranch, createContent, createShare, loginHq } from './support/factories';
import { client } from './support/http';
import { expectIntactData } from './support/integrity';
import { freshDatabase, startTestApp, usingMysql } from './support/test-app';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Runs a command; stdin/stdout may be files. Rejects with its stderr when it fails. */
function run(cmd: string, args: string[], io: { stdin?: string; stdout?: string } = {}): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    if (io.stdin) createReadStream(io.stdin).pipe(child.stdin!);
    if (io.stdout) child.stdout!.pipe(createWriteStream(io.stdout));
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${cmd} exited ${code}: ${stderr}`))));
  });
}

/** The commands of docs/operations.md, as an operator types them. */
async function backupAndRestore(url: string, dir: string): Promise<{ restoredUrl: string; drop(): Promise<void> }> {
  if (url.startsWith('sqlite:')) {
    const copy = join(dir, 'backup.sqlite');
    await run(process.execPath, [join(ROOT, 'scripts', 'backup-sqlite.mjs'), url.slice('sqlite:'.length), copy]);
    return { restoredUrl: `sqlite:${copy}`, drop: async () => undefined };
  }
  const u = new URL(url);
  const connection = ['-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username), ...(u.password ? [`-p${decodeURIComponent(u.password)}`] : [])];
  const dump = join(dir, 'fenji.sql');
  await run('mariadb-dump', [...connection, '--single-transaction', '--quick', '--routines', '--triggers', '--hex-blob', u.pathname.slice(1)], { stdout: dump });
  const restored = `${u.pathname.slice(1)}_restored`;
  await run('mariadb', [...connection, '-e', `CREATE DATABASE \`${restored}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]);
  await run('mariadb', [...connection, restored], { stdin: dump });
  const target = new URL(url);
  target.pathname = `/${restored}`;
  return { restoredUrl: target.toString(), drop: () => run('mariadb', [...connection, '-e', `DROP DATABASE IF EXISTS \`${restored}\``]) };
}

describe(`backup and restore under load (${usingMysql() ? 'mariadb-dump --single-transaction' : 'SQLite online backup API'})`, () => {
  it('a backup taken while leads keep arriving restores every lead answered 201 before it began', async () => {
    const db = await freshDatabase();
    const t = await startTestApp({}, db);
    const dir = mkdtempSync(join(tmpdir(), 'fenji-backup-'));
    let restore: { restoredUrl: string; drop(): Promise<void> } | null = null;
    try {
      const api = client(t.url);
      const hq = await loginHq(api);
      const branch = await createBranch(api, hq, '备份门店');
      const staff = await createActiveStaff(api, hq, { branchId: branch.id, name: '备份员工' });
      const share = await createShare(api, staff, (await createContent(api, hq)).id);
      const answered: string[] = [];
      let running = true;
      let n = 0;
      const worker = async () => {
        while (running) {
          const phone = `135${String(process.pid % 1000).padStart(3, '0')}${String(++n).padStart(5, '0')}`;
          const res = await api.post('/api/public/leads', { shareCode: share.code, name: '备份客户', phone, consent: true, idempotencyKey: `backup${phone}` });
          if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${res.text}`);
          answered.push(phone);
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      while (answered.length < 100) await new Promise((r) => setTimeout(r, 10));
      const before = [...answered];
      restore = await backupAndRestore(db.url, dir);
      const during = answered.length - before.length;
      running = false;
      await Promise.all(workers);
      expect(during).toBeGreaterThan(0); // the backup really ran under load

      await withDataSource(restore.restoredUrl, async (restored) => {
        await expectIntactData(restored);
        const found: Array<{ phone: string }> = await restored.query(`SELECT phone FROM leads WHERE phone IN (${before.map(() => '?').join(', ')})`, before);
        expect(found.map((r) => r.phone).sort()).toEqual([...before].sort());
        const consents = await restored.query('SELECT COUNT(*) AS n FROM consents c JOIN leads l ON l.id = c.lead_id');
        expect(Number(consents[0].n)).toBeGreaterThanOrEqual(before.length);
      });
    } finally {
      await restore?.drop();
      await t.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

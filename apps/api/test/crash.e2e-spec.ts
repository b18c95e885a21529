import { randomBytes } from 'node:crypto';
import { startApiProcess, useProcessDatabase, withDataSource, type ApiProcess } from './support/api-process';
import { createActiveStaff, createBranch, createContent, createShare, loginHq, type Session } from './support/factories';
import { client } from './support/http';
import { expectIntactData } from './support/integrity';

const WORKERS = 8;
const CYCLES = 3;

interface Acknowledged {
  key: string;
  phone: string;
}

type Submission = { shareCode: string; name: string; phone: string; consent: true; idempotencyKey: string; visitorId: string };

/**
 * The API in its own process, SIGKILLed in the middle of a steady stream of submissions (and of claims, releases
 * and follow-ups), three times over; then restarted and checked: no lead half-written, every submission that was
 * answered 201 before a kill is in the database. Runs on the suite's database (SQLite, or MariaDB with
 * TEST_DATABASE_URL: a real InnoDB crash recovery).
 */
describe('a SIGKILL in the middle of a stream of submissions', () => {
  const ctx = useProcessDatabase();

  it('leaves nothing half-written and loses no answered submission', async () => {
    let proc: ApiProcess = await startApiProcess(ctx.db.url);
    let api = client(proc.url);
    const hq = await loginHq(api);
    const branch = await createBranch(api, hq, '崩溃测试门店');
    const content = await createContent(api, hq);
    const staff: Session[] = [];
    for (let i = 0; i < 3; i++) staff.push(await createActiveStaff(api, hq, { branchId: branch.id, name: `崩溃员工${i}` }));
    const shares = await Promise.all(staff.map((s) => createShare(api, s, content.id)));

    const acknowledged: Acknowledged[] = [];
    // Sent but never answered (the kill came first): the landing page's outbox keeps these and sends them again.
    const unanswered: Submission[] = [];
    let sequence = 0;
    const phoneOf = (n: number) => `139${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(5, '0')}`;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let running = true;
      const submitter = async () => {
        while (running) {
          // Mostly new phones; some known ones (touches, collisions) and some replays of answered keys.
          const known = acknowledged.length > 10 && Math.random() < 0.35;
          const phone = known ? acknowledged[Math.floor(Math.random() * acknowledged.length)].phone : phoneOf(++sequence);
          const key = randomBytes(12).toString('hex');
          const body: Submission = { shareCode: shares[Math.floor(Math.random() * shares.length)].code, name: '客户', phone, consent: true, idempotencyKey: key, visitorId: `crashvisitor${key}` };
          try {
            const res = await api.post('/api/public/leads', body);
            if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${res.text}`);
            acknowledged.push({ key, phone });
          } catch (error) {
            if (running) throw error;
            unanswered.push(body);
          }
        }
      };
      // Pool work beside the stream: releases, claims and follow-ups are units of work too.
      const poolWorker = async (me: Session) => {
        while (running) {
          try {
            const mine = (await api.get('/api/leads?limit=5', { token: me.token })).body.items ?? [];
            if (mine[0]) await api.post(`/api/leads/${mine[0].id}/follow-ups`, { method: 'phone', note: '电话回访' }, { token: me.token });
            if (mine[1]) await api.post(`/api/leads/${mine[1].id}/release`, { reason: '压力测试' }, { token: me.token });
            const pool = (await api.get('/api/leads?pool=public&limit=3', { token: me.token })).body.items ?? [];
            if (pool[0]) await api.post(`/api/leads/${pool[0].id}/claim`, undefined, { token: me.token });
          } catch {
            if (!running) return;
          }
        }
      };
      const before = acknowledged.length;
      const workers = [...Array.from({ length: WORKERS }, submitter), ...staff.map(poolWorker)];
      // Kill once the stream is well under way: at least 40 more answered submissions, then a random moment.
      while (acknowledged.length < before + 40) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      running = false; // from here a failed request is the kill's; an answer that still arrives counts
      await proc.kill('SIGKILL');
      await Promise.all(workers);

      proc = await startApiProcess(ctx.db.url);
      api = client(proc.url);
    }
    // The outbox's retries after the restart: the same body with the same key, each answered 201 — a submission
    // written before the kill is replayed, one that was not is written now; either way one touch per key.
    for (const body of unanswered) {
      const res = await api.post('/api/public/leads', body);
      expect(res.status).toBe(201);
      acknowledged.push({ key: body.idempotencyKey, phone: body.phone });
    }
    await proc.kill('SIGTERM');

    await withDataSource(ctx.db.url, async (dataSource) => {
      await expectIntactData(dataSource);
      const keys = acknowledged.map((a) => a.key);
      const found: Array<{ n: number | string }> = await dataSource.query(`SELECT COUNT(*) AS n FROM touches WHERE idempotency_key IN (${keys.map(() => '?').join(', ')})`, keys);
      expect(Number(found[0].n)).toBe(keys.length); // every key once: no retry made a second touch
      expect(unanswered.length).toBeGreaterThan(0);
      // Each accepted submission has its consent row, written in the same unit of work.
      const consents: Array<{ n: number | string }> = await dataSource.query('SELECT (SELECT COUNT(*) FROM touches) - (SELECT COUNT(*) FROM consents) AS n');
      expect(Number(consents[0].n)).toBe(0);
      const phones = [...new Set(acknowledged.map((a) => a.phone))];
      const leads: Array<{ n: number | string }> = await dataSource.query(`SELECT COUNT(*) AS n FROM leads WHERE phone IN (${phones.map(() => '?').join(', ')})`, phones);
      expect(Number(leads[0].n)).toBe(phones.length);
    });
  });
});

// The hot paths a customer's phone hits, against bare baselines in their own processes, rounds interleaved.
import { randomBytes } from 'node:crypto';
import { freshMariaDb, interleaved, load, rssMb, seedShare, startBaseline, startProductionApi } from '../harness.mjs';

/** One API per database kind: SQLite (the embedded default) and MariaDB. */
async function apiOn(kind, ctx) {
  const db = kind === 'mariadb' ? await freshMariaDb(ctx.mariadb) : null;
  const api = await startProductionApi({
    ...(db ? { DATABASE_URL: db.url } : {}),
    LEAD_RATE_LIMIT_PER_MINUTE: '1000000',
    // Every request comes from this one address: measure recording the view, not dropping it.
    VISIT_EVENTS_PER_ADDRESS_PER_MINUTE: '1000000000',
  });
  ctx.apis.push(api);
  return { api, db, seeded: await seedShare(api) };
}

export const scenarios = [
  {
    name: 'landing',
    async run(ctx) {
      const hello = await startBaseline('hello.mjs');
      const results = [];
      try {
        for (const kind of ['sqlite', 'mariadb']) {
          const { api, db, seeded } = await apiOn(kind, ctx);
          const page = `${api.url}/s/${seeded.code}`;
          ctx.progress(`landing on ${kind}: GET /s/:code, a new visitor each request, 50 connections`);
          const r = await interleaved(ctx.rounds, () => load({ url: page, duration: ctx.seconds }), () => load({ url: hello.url, duration: ctx.seconds }), ctx.progress);
          results.push({ name: `landing.ratio.${kind}`, unit: 'ratio', value: round(r.ratio), baseline: round(r.baseline), budget: '≥ 0.5', ok: r.ratio >= 0.5, detail: `${r.value.toFixed(0)} pages/s vs hello-world ${r.baseline.toFixed(0)}/s` });
          results.push({ name: `landing.p99_ms.${kind}`, unit: 'ms', value: r.p99, budget: '≤ 15', ok: r.p99 <= 15 });
          ctx.rss.push({ kind, mb: rssMb(api.pid) });
          await api.stop();
          await db?.drop();
        }
      } finally {
        await hello.stop();
      }
      return results;
    },
  },
  {
    name: 'events',
    async run(ctx) {
      const hello = await startBaseline('hello.mjs');
      try {
        const { api, seeded } = await apiOn('sqlite', ctx);
        ctx.progress('events: POST /api/public/events, one dwell beacon of a new visitor each request');
        const beacon = () => JSON.stringify({ type: 'dwell', shareCode: seeded.code, visitorId: `v${randomBytes(10).toString('hex')}`, value: 12 });
        const r = await interleaved(
          ctx.rounds,
          () => load({ url: api.url, duration: ctx.seconds, requests: [{ method: 'POST', path: '/api/public/events', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: beacon() }) }] }),
          () => load({ url: hello.url, duration: ctx.seconds }),
          ctx.progress,
        );
        await api.stop();
        return [{ name: 'events.ratio', unit: 'ratio', value: round(r.ratio), baseline: round(r.baseline), budget: '≥ 0.5', ok: r.ratio >= 0.5, detail: `${r.value.toFixed(0)} beacons/s` }];
      } finally {
        await hello.stop();
      }
    },
  },
  {
    name: 'lead_submit',
    async run(ctx) {
      const baseDb = await freshMariaDb(ctx.mariadb);
      const insert = await startBaseline('insert.mjs', { DATABASE_URL: baseDb.url });
      try {
        const { api, db, seeded } = await apiOn('mariadb', ctx);
        let n = 0;
        const lead = () => JSON.stringify({ shareCode: seeded.code, name: `客户${n % 1000}`, phone: `139${String(++n).padStart(8, '0')}`, consent: true, idempotencyKey: randomBytes(12).toString('hex') });
        const row = () => JSON.stringify({ name: `客户${n % 1000}`, phone: `139${String(++n).padStart(8, '0')}` });
        const post = (url, path, body) => load({ url, duration: ctx.seconds, connections: 16, requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) }] });
        ctx.progress('lead_submit on MariaDB: new phones, one transaction each, 16 connections, vs one INSERT a request');
        const r = await interleaved(ctx.rounds, () => post(api.url, '/api/public/leads', lead), () => post(insert.url, '/', row), ctx.progress);
        await api.stop();
        await db.drop();
        return [{ name: 'lead_submit.ratio', unit: 'ratio', value: round(r.ratio), baseline: round(r.baseline), budget: '≥ 0.4', ok: r.ratio >= 0.4, detail: `${r.value.toFixed(0)} leads/s vs ${r.baseline.toFixed(0)} inserts/s` }];
      } finally {
        await insert.stop();
        await baseDb.drop();
      }
    },
  },
];

const round = (x) => Math.round(x * 100) / 100;

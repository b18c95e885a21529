// GET /s/:code against a bare Fastify hello-world on the same machine, in the same run.
// Target (issue 2): the landing page, recording a view per request, at ≥ 0.5 of the baseline's requests/s.
// Rounds alternate baseline and landing so drift in machine speed hits both alike.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, post, ROOT, startApi } from './support.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

const measure = (url) =>
  new Promise((res, rej) => autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? rej(err) : res(r))));

const hello = Fastify();
hello.get('/', async () => 'hello world');
const helloPort = await freePort();
await hello.listen({ port: helloPort, host: '127.0.0.1' });

const api = await startApi();
const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
const content = await post(`${api.url}/api/contents`, { kind: 'article', title: '基准测试文章', summary: '摘要', body: '正文\n'.repeat(40), published: true }, hq.accessToken);
const share = await post(`${api.url}/api/shares`, { contentId: content.id, channel: 'link' }, hq.accessToken);
const landingUrl = `${api.url}/s/${share.code}`;

const ratios = [];
let landingTotal = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const base = await measure(`http://127.0.0.1:${helloPort}/`);
  const landing = await measure(landingUrl);
  if (landing.non2xx || landing.errors) throw new Error(`landing answered non-2xx ${landing.non2xx} / errors ${landing.errors}`);
  landingTotal += landing.requests.total;
  const ratio = landing.requests.average / base.requests.average;
  ratios.push(ratio);
  console.log(`round ${round}: hello-world ${base.requests.average.toFixed(0)} req/s, landing ${landing.requests.average.toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (p99 ${landing.latency.p99} ms)`);
}

// Every request must have recorded a view.
await new Promise((r) => setTimeout(r, 1500));
await api.stop();
await hello.close();
const Database = createRequire(join(ROOT, 'apps/api/package.json'))('better-sqlite3');
const views = new Database(api.dbPath, { readonly: true }).prepare("SELECT COUNT(*) AS n FROM visit_events WHERE type = 'view'").get().n;
console.log(`views recorded: ${views} of ${landingTotal} landing requests`);
ratios.sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(`median ratio landing / hello-world: ${median.toFixed(2)} (target ≥ 0.50)`);
process.exit(median >= 0.5 ? 0 : 1);

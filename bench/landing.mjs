// GET /s/:code against a bare Fastify hello-world on the same machine, in the same run.
// Target (issue 2): the landing page, recording a view per request, at ≥ 0.5 of the baseline's requests/s.
// Rounds alternate baseline and landing so drift in machine speed hits both alike.
//   BENCH_COMPARE=<checkout>   also measures that checkout's built API ("before") in the same rounds.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { cpuSeconds, freePort, post, ROOT, startApi } from './support.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

const measure = (url) =>
  new Promise((res, rej) => autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? rej(err) : res(r))));

const hello = Fastify();
hello.get('/', async () => 'hello world');
const helloPort = await freePort();
await hello.listen({ port: helloPort, host: '127.0.0.1' });

/** An API of one checkout with one published content and a share of it: its landing page's URL. */
async function landingOf(name, root) {
  const api = await startApi({}, root);
  const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const content = await post(`${api.url}/api/contents`, { kind: 'article', title: '基准测试文章', summary: '摘要', body: '正文\n'.repeat(40), published: true }, hq.accessToken);
  const share = await post(`${api.url}/api/shares`, { contentId: content.id, channel: 'link' }, hq.accessToken);
  return { name, api, url: `${api.url}/s/${share.code}`, total: 0, ratios: [], cpu: [] };
}

const variants = [];
if (process.env.BENCH_COMPARE) variants.push(await landingOf('before', resolve(process.env.BENCH_COMPARE)));
variants.push(await landingOf(process.env.BENCH_COMPARE ? 'after' : 'landing', ROOT));
const api = variants[variants.length - 1].api;

for (let round = 1; round <= ROUNDS; round++) {
  const base = await measure(`http://127.0.0.1:${helloPort}/`);
  const line = [`hello-world ${base.requests.average.toFixed(0)} req/s`];
  for (const v of round % 2 ? variants : [...variants].reverse()) {
    const cpuBefore = cpuSeconds(v.api.pid);
    const landing = await measure(v.url);
    if (landing.non2xx || landing.errors) throw new Error(`${v.name} answered non-2xx ${landing.non2xx} / errors ${landing.errors}`);
    v.total += landing.requests.total;
    v.ratios.push(landing.requests.average / base.requests.average);
    v.cpu.push(((cpuSeconds(v.api.pid) - cpuBefore) * 1e6) / landing.requests.total);
    line.push(`${v.name} ${landing.requests.average.toFixed(0)} req/s (ratio ${v.ratios.at(-1).toFixed(2)}, p99 ${landing.latency.p99} ms, ${v.cpu.at(-1).toFixed(0)} µs CPU each)`);
  }
  console.log(`round ${round}: ${line.join(', ')}`);
}
const ratios = variants[variants.length - 1].ratios;
const landingTotal = variants[variants.length - 1].total;
for (const v of variants.slice(0, -1)) await v.api.stop();
const spread = (xs, digits) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(digits)}, range ${sorted[0].toFixed(digits)}–${sorted.at(-1).toFixed(digits)}`;
};
for (const v of variants) console.log(`${v.name}: ratio to hello-world ${spread(v.ratios, 2)}; API CPU per page µs ${spread(v.cpu, 0)}`);
if (variants.length === 2) {
  const [before, after] = variants;
  console.log(`after / before per round: requests/s ${spread(after.ratios.map((r, i) => r / before.ratios[i]), 2)}; CPU per page ${spread(after.cpu.map((c, i) => c / before.cpu[i]), 2)}`);
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

import fc from 'fast-check';
import { client, type Client } from './support/http';
import { createShare, nextPhone, seedOrg, submitLead, type SeededOrg } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every documented route's input, from the JSON schemas the OpenAPI document derives
 * from the shared zod schemas: bodies, query strings and path parameters mostly shaped like the schema (right
 * keys, enum members, strings, numbers) with values of the wrong type, missing keys and arbitrary JSON mixed in.
 * Whatever arrives, the answer is never a 5xx, and every error is in the contract's shape. Routes added later are
 * fuzzed as soon as they are documented.
 */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Operation = { parameters?: Array<{ name: string; in: string; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

function arbitraryOf(schema: JsonSchema | undefined, doc: Doc, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (!schema || depth > 4) return anything;
  if (schema.$ref) return arbitraryOf(doc.components?.schemas?.[schema.$ref.split('/').pop() as string], doc, depth + 1);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => arbitraryOf(v, doc, depth + 1)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object': {
        const props = Object.entries(schema.properties ?? {});
        if (!props.length) return fc.dictionary(fc.string({ maxLength: 8 }), anything, { maxKeys: 3 });
        return fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryOf(v, doc, depth + 1)])), { requiredKeys: [] });
      }
      case 'array':
        return fc.array(arbitraryOf(schema.items, doc, depth + 1), { maxLength: 4 });
      case 'string':
        return fc.oneof(fc.string({ maxLength: (schema.maxLength ?? 30) + 5 }), fc.constantFrom('', ' ', '13800138000', '2026-01-01', '01JD0000000000000000000000', '<script>x</script>', '\u0000', '😀'.repeat(50)));
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.constantFrom(0, -1, 1e21, schema.minimum ?? 0, schema.maximum ?? 100));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return anything;
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anything });
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

describe('fuzzing every route’s input (fast-check, from the OpenAPI document)', () => {
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  let doc: Doc;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
    doc = (await api.get('/api/docs-json')).body;
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    await submitLead(api, { shareCode: share.code, phone });
    ids.push((await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0].id, org.content.id, org.a2.user.id, share.code);
  });
  afterAll(() => t.close());

  it('never answers 5xx, and every error is { statusCode, code, message }', async () => {
    const failures: string[] = [];
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    expect(operations.length).toBeGreaterThan(20);
    for (const { path, method, op } of operations) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const input = fc.record({
        path: fc.tuple(...pathParams.map(() => fc.oneof(fc.constantFrom(...ids), fc.string({ minLength: 1, maxLength: 40 })))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arbitraryOf(p.schema, doc)])), { requiredKeys: [] }),
        body: bodySchema ? arbitraryOf(bodySchema, doc) : fc.constant(undefined),
        actor: fc.constantFrom('hq', 'a1', 'manager'),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ path: values, query, body, actor }) => {
          let url = path;
          pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(values[i] as string))));
          const qs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(asQueryValue(v))}`).join('&');
          if (qs) url += `?${qs}`;
          const token = actor === 'hq' ? org.hq.token : actor === 'a1' ? org.a1.token : org.manager.token;
          const res = await api.request(method, url, { token, body });
          const b = res.body as { statusCode?: unknown; code?: unknown; message?: unknown };
          const shaped = res.status < 400 || (typeof b === 'object' && b !== null && b.statusCode === res.status && typeof b.code === 'string' && typeof b.message === 'string');
          // A 503 naming a dependency this test app has not configured (WeChat) is an answer, not a failure.
          const unconfigured = res.status === 503 && (b.code === 'WECHAT_UNAVAILABLE' || b.code === 'WECHAT_NOT_CONFIGURED');
          if ((res.status >= 500 && !unconfigured) || !shaped) {
            failures.push(`${method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.status} ${res.text.slice(0, 200)}`);
            return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261130), endOnFailure: true },
      ).catch(() => undefined); // collected above: one list of every route that failed
    }
    expect(failures).toEqual([]);
  });
});

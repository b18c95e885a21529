import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The module picture in docs/architecture.md against the real imports: its arrows between modules are exactly
 * the imports between module folders; core imports nothing from modules; no module imports another module's
 * repository; no product module is global.
 */
const SRC = resolve(__dirname, '..', 'src');
const DOC = resolve(__dirname, '..', '..', '..', 'docs', 'architecture.md');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every relative import of the source files: from (path under src) → to (path under src). */
const imports = sources(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => ({ from: relative(SRC, file), to: relative(SRC, resolve(dirname(file), m[1])) })),
);
const moduleOf = (path: string) => (path.startsWith('modules/') ? path.split('/')[1] : null);

describe('module boundaries (docs/architecture.md)', () => {
  it('the Mermaid picture shows exactly the imports between modules', () => {
    const doc = readFileSync(DOC, 'utf8');
    const picture = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const inModules = /subgraph modules\n([\s\S]*?)\n\s*end/.exec(picture)?.[1] ?? '';
    const drawn = new Set([...inModules.matchAll(/^\s*(\w+) --> (\w+)\s*$/gm)].map((m) => `${m[1]} --> ${m[2]}`));
    const real = new Set(
      imports
        .map((i) => [moduleOf(i.from), moduleOf(i.to)])
        .filter(([a, b]) => a && b && a !== b)
        .map(([a, b]) => `${a} --> ${b}`),
    );
    expect([...drawn].sort()).toEqual([...real].sort());
    expect(picture).toContain('modules --> core');
  });

  it('core imports nothing from modules', () => {
    expect(imports.filter((i) => i.from.startsWith('core/') && i.to.startsWith('modules/'))).toEqual([]);
  });

  it("a module never imports another module's repository, and no product module is global", () => {
    expect(imports.filter((i) => moduleOf(i.from) !== moduleOf(i.to) && moduleOf(i.to) && i.to.endsWith('.repository'))).toEqual([]);
    const globals = sources(join(SRC, 'modules')).filter((f) => readFileSync(f, 'utf8').includes('@Global('));
    expect(globals).toEqual([]);
  });
});

// Writes .gz and .br next to the landing script, so the API serves it compressed without compressing per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = new URL('../dist/landing/', import.meta.url).pathname;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.js') || n.endsWith('.css'))) {
  const data = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

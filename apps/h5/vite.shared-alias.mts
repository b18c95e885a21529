import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

/**
 * `@fenji/shared` from its TypeScript source (its package.json `main` is a CommonJS dist build).
 * Exact match only, so `@fenji/shared/src/phone` still resolves to that one small module.
 */
export const sharedAlias: Alias[] = [
  { find: /^@fenji\/shared$/, replacement: fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)) },
];

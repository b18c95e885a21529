// npm run check:data: checks that no lead in the database is half-written (DATABASE_URL as for the API: mysql://…,
// sqlite:PATH, or unset for ./data/fenji.sqlite). Builds the API first when it is stale. Exit code ≠ 0 on a failure.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildApiOnly, ensureInstalled, ROOT } from './lib.mjs';

ensureInstalled();
buildApiOnly();
const result = spawnSync(process.execPath, [resolve(ROOT, 'apps/api/dist/check-data.js')], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);

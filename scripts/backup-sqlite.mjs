// node scripts/backup-sqlite.mjs SOURCE.sqlite TARGET.sqlite
// An online backup of Fenji's SQLite database while the API keeps running: SQLite's backup API through
// better-sqlite3 (`db.backup()`), never a file copy (a copy taken while the API writes can be torn, and misses
// what is still in the -wal file). The pages go over in one step, so the copy is one consistent snapshot;
// in WAL mode that step does not block the API's writes. Restore: stop the API, put TARGET in place of the
// database file (removing any old -wal and -shm beside it), start the API.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node scripts/backup-sqlite.mjs SOURCE.sqlite TARGET.sqlite');
  process.exit(2);
}
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(1);
}
const require = createRequire(resolve(import.meta.dirname, '..', 'apps', 'api', 'package.json'));
const Database = require('better-sqlite3');
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
if (existsSync(target)) rmSync(target);
try {
  // Returning a page count larger than the database copies the rest in the next step: one step, one snapshot.
  await db.backup(target, { progress: () => 1_000_000_000 });
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`integrity_check of the copy: ${check}`);
  console.log(`backed up ${source} to ${target}`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  db.close();
}

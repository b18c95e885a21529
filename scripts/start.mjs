// npm start: install, build, and run the whole system on embedded SQLite with demo data.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildAll, ensureInstalled, log, ROOT } from './lib.mjs';

ensureInstalled();
buildAll();

// Readable, quiet logs for a person (one line a request); LOG_FORMAT=json gives production's JSON lines.
const env = { DEMO: '1', LOG_FORMAT: 'pretty', ...process.env };
log(`starting the API (DEMO=${env.DEMO}, ${env.DATABASE_URL ? `DATABASE_URL=${env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}` : 'embedded SQLite in ./data/'})…`);
const child = spawn(process.execPath, [resolve(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// npm run build: installs what is missing and builds every app (only what changed since the last build).
import { buildAll, ensureInstalled, log } from './lib.mjs';

ensureInstalled();
buildAll();
log('build complete: node apps/api/dist/main.js serves the API, landing pages, console (/console/) and staff app (/app/)');

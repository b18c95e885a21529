import { initLanding } from './client';

// Entry of dist/landing/landing.js, loaded with `defer`: the page is parsed and readable by now.
initLanding(document);

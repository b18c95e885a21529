import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { LeadPool1764201600000 } from './migrations/1764201600000-lead-pool';

/** In order. A committed migration is never edited: add a new one. */
export const MIGRATIONS = [InitialSchema1764115200000, LeadPool1764201600000];

import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';

/** In order. A committed migration is never edited: add a new one. */
export const MIGRATIONS = [InitialSchema1764115200000];

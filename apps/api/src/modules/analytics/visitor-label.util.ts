import { createHash } from 'node:crypto';

/**
 * `访客 3F2A`: a stable, readable name for an anonymous visitor. Four hex digits of a hash of the cookie id, so the
 * label says nothing of the id itself and stays the same on every screen.
 */
export function visitorLabel(visitorId: string): string {
  return `访客 ${createHash('sha256').update(visitorId).digest('hex').slice(0, 4).toUpperCase()}`;
}

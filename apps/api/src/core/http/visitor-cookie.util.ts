import type { FastifyReply, FastifyRequest } from 'fastify';
import { newVisitorId } from '../database/id.util';

export const VISITOR_COOKIE = 'fj_vid';
const VISITOR_ID = /^[0-9A-Za-z_-]{16,40}$/;

/** The first-party visitor id from the request's cookie, if it holds a well-formed one. */
export function readVisitorCookie(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === VISITOR_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return VISITOR_ID.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * The visitor id for this request, setting the cookie when it is new. Readable by the page's script
 * (it sends it with beacons and the lead form), so not HttpOnly; it identifies a browser, nothing more.
 */
export function ensureVisitorCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): { id: string; isNew: boolean } {
  const existing = readVisitorCookie(request);
  if (existing) return { id: existing, isNew: false };
  const id = newVisitorId();
  void reply.header('set-cookie', `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`);
  return { id, isNew: true };
}

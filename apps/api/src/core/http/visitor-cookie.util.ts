import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie'; // request.cookies and reply.setCookie (the plugin is registered in app.factory.ts)
import { newVisitorId } from '../database/id.util';

export const VISITOR_COOKIE = 'fj_vid';
const VISITOR_ID = /^[0-9A-Za-z_-]{16,40}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/** The first-party visitor id from the request's cookie, if it holds a well-formed one. */
export function readVisitorCookie(request: FastifyRequest): string | null {
  const value = request.cookies?.[VISITOR_COOKIE];
  return value && VISITOR_ID.test(value) ? value : null;
}

/**
 * The visitor id for this request, setting the cookie when it is new. Readable by the page's script
 * (it sends it with beacons and the lead form), so not HttpOnly; it identifies a browser, nothing more.
 */
export function ensureVisitorCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): { id: string; isNew: boolean } {
  const existing = readVisitorCookie(request);
  if (existing) return { id: existing, isNew: false };
  const id = newVisitorId();
  void reply.setCookie(VISITOR_COOKIE, id, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', secure });
  return { id, isNew: true };
}

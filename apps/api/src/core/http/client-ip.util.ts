import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The client's address for throttling and the audit log. Fastify derives `request.ip` from X-Forwarded-For
 * only as far as TRUST_PROXY allows; whatever it yields must still be an IP address, or the socket's peer is
 * used: a forged header can never become a key.
 */
export function clientIp(request: FastifyRequest): string {
  const ip = request.ip;
  if (typeof ip === 'string' && isIP(ip)) return ip;
  const peer = request.socket?.remoteAddress;
  return peer && isIP(peer) ? peer : 'unknown';
}

/**
 * Fastify's `trustProxy` for TRUST_PROXY. A list of proxy addresses/CIDRs is given as it is (Fastify checks each
 * hop against it: the safe choice). A hop count N trusts the socket's peer and N − 1 further hops, whoever they
 * are, so X-Forwarded-For must only ever come through those proxies (the API not reachable around them).
 * Fastify itself turns a bare number into "trust nobody", hence the function.
 */
export function trustProxyOption(trust: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

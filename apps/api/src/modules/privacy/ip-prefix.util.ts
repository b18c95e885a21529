import { isIP } from 'node:net';

/**
 * The part of a client address the consent ledger keeps: the /24 of an IPv4 address (`203.0.113.0/24`), the /48
 * of an IPv6 one (`2001:db8:1::/48`); IPv4-mapped IPv6 counts as IPv4. Anything else (no address) is null.
 */
export function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  const family = isIP(address);
  if (family === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (family !== 6) return null;
  return `${expandIpv6(address).slice(0, 3).join(':')}::/48`;
}

/** The eight groups of an IPv6 address, without leading zeros (`2001:db8::1` → 2001, db8, 0, 0, 0, 0, 0, 1). */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => (parseInt(group, 16) || 0).toString(16));
}

import { truncateIp } from './ip-prefix.util';

describe('truncateIp: what the consent ledger keeps of an address', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0012::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1', 'fe80:0:0::/48'],
  ])('%s → %s', (ip, prefix) => expect(truncateIp(ip)).toBe(prefix));

  it.each([null, undefined, '', 'demo', '999.1.1.1'])('%s → null', (ip) => expect(truncateIp(ip)).toBeNull());
});

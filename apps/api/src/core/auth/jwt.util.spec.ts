import { createHmac } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt.util';

const secret = 'x'.repeat(40);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('jwt', () => {
  it('round-trips claims', async () => {
    const t = await signJwt({ sub: 's1', typ: 'access', role: 'staff' }, secret, 60);
    expect(await verifyJwt(t, secret, 'access')).toMatchObject({ sub: 's1', role: 'staff' });
    expect(await verifyJwt(t, secret, 'access')).toMatchObject({ sub: 's1' }); // again, from the cache of verified tokens
    expect(await verifyJwt(t, 'y'.repeat(40), 'access')).toBeNull(); // the cache is per secret
    expect(await verifyJwt(t, secret, 'bind')).toBeNull(); // the kind is checked on a hit too
  });

  it('rejects a wrong secret, a wrong type, a tampered payload and an expired token', async () => {
    const t = await signJwt({ sub: 's1', typ: 'access' }, secret, 60, 1_000_000);
    expect(await verifyJwt(t, 'y'.repeat(40), 'access', 1_000_000)).toBeNull();
    expect(await verifyJwt(t, secret, 'bind', 1_000_000)).toBeNull();
    const [h, , s] = t.split('.');
    expect(await verifyJwt(`${h}.${b64({ sub: 'admin', typ: 'access', exp: 9e9, iat: 0 })}.${s}`, secret, 'access', 1_000_000)).toBeNull();
    expect(await verifyJwt(t, secret, 'access', 1_000_000 + 61_000)).toBeNull();
    expect(await verifyJwt(t, secret, 'access', 1_000_000 + 30_000)).not.toBeNull(); // verified and cached
    expect(await verifyJwt(t, secret, 'access', 1_000_000 + 61_000)).toBeNull(); // a cached token still expires
  });

  it('accepts HS256 only: an unsigned token or another algorithm is refused', async () => {
    const payload = b64({ sub: 'admin', typ: 'access', exp: 9e9, iat: 0 });
    expect(await verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, secret, 'access')).toBeNull();
    const hs512 = `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}`;
    expect(await verifyJwt(`${hs512}.${createHmac('sha512', secret).update(hs512).digest('base64url')}`, secret, 'access')).toBeNull();
  });

  it('still accepts a token signed before the switch to jose (same HS256 compact form)', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub: 's1', typ: 'access', role: 'staff', ver: 0, iat: 1_000, exp: 1_000 + 900 });
    const legacy = `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
    expect(await verifyJwt(legacy, secret, 'access', 1_000_000)).toMatchObject({ sub: 's1', ver: 0 });
  });
});

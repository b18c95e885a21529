import { signJwt, verifyJwt } from './jwt.util';

const secret = 'x'.repeat(40);

describe('jwt', () => {
  it('round-trips claims', () => {
    const t = signJwt({ sub: 's1', typ: 'access', role: 'staff' }, secret, 60);
    expect(verifyJwt(t, secret, 'access')).toMatchObject({ sub: 's1', role: 'staff' });
  });
  it('rejects a wrong secret, a wrong type, a tampered payload and an expired token', () => {
    const t = signJwt({ sub: 's1', typ: 'access' }, secret, 60, 1_000_000);
    expect(verifyJwt(t, 'y'.repeat(40), 'access', 1_000_000)).toBeNull();
    expect(verifyJwt(t, secret, 'bind', 1_000_000)).toBeNull();
    const [h, , s] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', typ: 'access', exp: 9e9, iat: 0 })).toString('base64url');
    expect(verifyJwt(`${h}.${forged}.${s}`, secret, 'access', 1_000_000)).toBeNull();
    expect(verifyJwt(t, secret, 'access', 1_000_000 + 61_000)).toBeNull();
  });
});

import { submitLeadRequestSchema, shareCodeSchema } from './index';

describe('submitLeadRequestSchema', () => {
  const ok = { shareCode: 'abcDEF12', name: '张三', phone: '+86 138-0013-8000', consent: true };

  it('accepts a valid submission', () => expect(submitLeadRequestSchema.safeParse(ok).success).toBe(true));

  it('rejects consent that is not exactly true', () => {
    for (const consent of [false, 'true', 1, undefined]) {
      const r = submitLeadRequestSchema.safeParse({ ...ok, consent });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].path).toEqual(['consent']);
    }
  });

  it('works without eval / new Function (as inside the WeChat mini-program)', () => {
    const original = globalThis.Function;
    const forbidden = function () {
      throw new Error('eval forbidden');
    } as unknown as FunctionConstructor;
    (globalThis as { Function: FunctionConstructor }).Function = forbidden;
    try {
      expect(submitLeadRequestSchema.safeParse(ok).success).toBe(true);
      expect(submitLeadRequestSchema.safeParse({ ...ok, phone: '123' }).success).toBe(false);
    } finally {
      (globalThis as { Function: FunctionConstructor }).Function = original;
    }
  });
});

describe('shareCodeSchema', () => {
  it('keeps codes between 8 and 32 base62 chars (WeChat scene ≤ 32)', () => {
    expect(shareCodeSchema.safeParse('a'.repeat(32)).success).toBe(true);
    expect(shareCodeSchema.safeParse('a'.repeat(33)).success).toBe(false);
    expect(shareCodeSchema.safeParse('abc').success).toBe(false);
    expect(shareCodeSchema.safeParse('abcd-efgh').success).toBe(false);
  });
});

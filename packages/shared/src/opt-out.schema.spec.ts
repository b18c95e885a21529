import { optOutCodeRequestSchema, optOutRequestSchema, submitLeadRequestSchema } from './index';

describe('optOutRequestSchema', () => {
  it('takes the signed link token, or a phone with a 6-digit code', () => {
    expect(optOutRequestSchema.safeParse({ token: 'eyJhbGciOi.payload_part-123' }).success).toBe(true);
    expect(optOutRequestSchema.safeParse({ phone: '+86 139-8888-7777', code: '123456' }).success).toBe(true);
  });

  it('refuses a short token, a code that is not 6 digits, a phone alone', () => {
    expect(optOutRequestSchema.safeParse({ token: 'short' }).success).toBe(false);
    expect(optOutRequestSchema.safeParse({ phone: '13988887777', code: '12345' }).success).toBe(false);
    expect(optOutRequestSchema.safeParse({ phone: '13988887777', code: '12345a' }).success).toBe(false);
    expect(optOutRequestSchema.safeParse({ phone: '13988887777' }).success).toBe(false);
  });

  it('asks for a code only for a mainland mobile number', () => {
    expect(optOutCodeRequestSchema.safeParse({ phone: '13988887777' }).success).toBe(true);
    expect(optOutCodeRequestSchema.safeParse({ phone: '12345' }).success).toBe(false);
  });
});

describe('submitLeadRequestSchema: the landing form’s extra fields and consent version', () => {
  const ok = { shareCode: 'abcDEF12', name: '张三', phone: '13800138000', consent: true };

  it('accepts the fields HQ may ask for and the notice version shown', () => {
    const r = submitLeadRequestSchema.safeParse({ ...ok, consentVersion: '2026-12-01', fields: { company: '清泉', city: '杭州', preferred_time: '晚上' } });
    expect(r.success).toBe(true);
    expect(r.data?.fields).toEqual({ company: '清泉', city: '杭州', preferred_time: '晚上' });
  });

  it('refuses over-long fields and a malformed version', () => {
    expect(submitLeadRequestSchema.safeParse({ ...ok, fields: { city: '城'.repeat(31) } }).success).toBe(false);
    expect(submitLeadRequestSchema.safeParse({ ...ok, consentVersion: 'v2' }).success).toBe(false);
  });
});

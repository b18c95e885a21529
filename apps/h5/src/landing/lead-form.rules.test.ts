import { describe, expect, it } from 'vitest';
import { submitLeadRequestSchema } from '@fenji/shared';
import { LEAD_FORM_MESSAGES, validateLeadForm, type LeadFormInput } from './lead-form.rules';

const valid: LeadFormInput = { name: '张三', phone: '+86 138-0013-8000', message: '', consent: true };

/** The contract's verdict per field, for the same input. */
function schemaInvalidFields(input: LeadFormInput): string[] {
  const result = submitLeadRequestSchema.safeParse({
    shareCode: 'Xy7Qk2Lm9PaB',
    name: input.name,
    phone: input.phone,
    consent: input.consent ? true : false,
    ...(input.message ? { message: input.message } : {}),
    fields: { company: input.company, city: input.city, preferred_time: input.preferred_time },
  });
  // Extra fields are reported under `fields.<name>`; the form shows them next to that field.
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0] === 'fields' ? issue.path[1] : issue.path[0])))].sort();
}

describe('validateLeadForm', () => {
  it.each<[string, Partial<LeadFormInput>]>([
    ['valid', {}],
    ['empty name', { name: '   ' }],
    ['long name', { name: '名'.repeat(41) }],
    ['empty phone', { phone: '' }],
    ['invalid phone', { phone: '12800138000' }],
    ['foreign phone', { phone: '+1 415 555 0100' }],
    ['no consent', { consent: false }],
    ['long message', { message: '留'.repeat(501) }],
    ['long company', { company: '公'.repeat(61) }],
    ['company at the limit', { company: '公'.repeat(60) }],
    ['long city', { city: '城'.repeat(31) }],
    ['long preferred time', { preferred_time: '时'.repeat(31) }],
    ['everything wrong', { name: '', phone: 'abc', consent: false, city: '城'.repeat(40) }],
  ])('agrees with submitLeadRequestSchema: %s', (_label, change) => {
    const input = { ...valid, ...change };
    expect(Object.keys(validateLeadForm(input)).sort()).toEqual(schemaInvalidFields(input));
  });

  it('speaks Chinese next to each field', () => {
    expect(validateLeadForm({ name: '', phone: '123', message: '', consent: false })).toEqual({
      name: LEAD_FORM_MESSAGES.nameRequired,
      phone: LEAD_FORM_MESSAGES.phoneInvalid,
      consent: '请阅读并同意隐私政策',
    });
  });
});

import { normalizePhone } from '@fenji/shared/src/phone';
import type { LeadField } from './dom-ids';

/**
 * The lead form's rules in the browser, the same as `submitLeadRequestSchema` (tested against it) without
 * shipping zod in the landing script: only the tiny `normalizePhone` module is imported.
 */
export const LEAD_FORM_MESSAGES = {
  nameRequired: '请输入姓名',
  nameTooLong: '姓名最多 40 字',
  phoneRequired: '请输入手机号',
  phoneInvalid: '手机号格式不正确',
  messageTooLong: '留言最多 500 字',
  companyTooLong: '公司名称最多 60 字',
  cityTooLong: '城市最多 30 字',
  preferredTimeTooLong: '联系时间最多 30 字',
  consentRequired: '请阅读并同意隐私政策',
} as const;

export interface LeadFormInput {
  name: string;
  phone: string;
  message: string;
  consent: boolean;
  company?: string;
  city?: string;
  preferred_time?: string;
}

export type LeadFormErrors = Partial<Record<LeadField, string>>;

const MAX_LENGTHS = [
  ['message', 500, LEAD_FORM_MESSAGES.messageTooLong],
  ['company', 60, LEAD_FORM_MESSAGES.companyTooLong],
  ['city', 30, LEAD_FORM_MESSAGES.cityTooLong],
  ['preferred_time', 30, LEAD_FORM_MESSAGES.preferredTimeTooLong],
] as const;

/** One field's message, or '' when it is fine. */
export function validateLeadField(field: LeadField, input: LeadFormInput): string {
  switch (field) {
    case 'name': {
      const name = input.name.trim();
      if (!name) return LEAD_FORM_MESSAGES.nameRequired;
      return name.length > 40 ? LEAD_FORM_MESSAGES.nameTooLong : '';
    }
    case 'phone':
      if (!input.phone.trim()) return LEAD_FORM_MESSAGES.phoneRequired;
      return normalizePhone(input.phone) === null ? LEAD_FORM_MESSAGES.phoneInvalid : '';
    case 'consent':
      return input.consent ? '' : LEAD_FORM_MESSAGES.consentRequired;
    default: {
      const rule = MAX_LENGTHS.find(([name]) => name === field);
      return rule && (input[rule[0]] ?? '').trim().length > rule[1] ? rule[2] : '';
    }
  }
}

export function validateLeadForm(input: LeadFormInput): LeadFormErrors {
  const errors: LeadFormErrors = {};
  for (const field of ['name', 'phone', 'message', 'company', 'city', 'preferred_time', 'consent'] as const) {
    const message = validateLeadField(field, input);
    if (message) errors[field] = message;
  }
  return errors;
}

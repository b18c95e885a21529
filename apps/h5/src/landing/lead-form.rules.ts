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
  consentRequired: '请阅读并同意隐私政策',
} as const;

export interface LeadFormInput {
  name: string;
  phone: string;
  message: string;
  consent: boolean;
}

export type LeadFormErrors = Partial<Record<LeadField, string>>;

export function validateLeadForm(input: LeadFormInput): LeadFormErrors {
  const errors: LeadFormErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = LEAD_FORM_MESSAGES.nameRequired;
  else if (name.length > 40) errors.name = LEAD_FORM_MESSAGES.nameTooLong;
  if (!input.phone.trim()) errors.phone = LEAD_FORM_MESSAGES.phoneRequired;
  else if (normalizePhone(input.phone) === null) errors.phone = LEAD_FORM_MESSAGES.phoneInvalid;
  if (input.message.trim().length > 500) errors.message = LEAD_FORM_MESSAGES.messageTooLong;
  if (!input.consent) errors.consent = LEAD_FORM_MESSAGES.consentRequired;
  return errors;
}

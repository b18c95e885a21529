/** Element ids and field names shared by the server-rendered page and the client script. */
export const LANDING_IDS = {
  root: 'landing',
  form: 'lead-form',
  status: 'lead-status',
  submit: 'lead-submit',
  reshare: 'reshare',
  reshareStatus: 'reshare-status',
} as const;

export const LEAD_FIELDS = ['name', 'phone', 'message', 'consent'] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** `lead-name`, `lead-phone`… for inputs; `lead-name-err`… for the message next to each field. */
export const fieldId = (field: LeadField): string => `lead-${field}`;
export const fieldErrorId = (field: LeadField): string => `lead-${field}-err`;

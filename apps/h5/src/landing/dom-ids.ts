/** Element ids, field names and storage keys shared by the server-rendered pages and the client script. */
export const LANDING_IDS = {
  root: 'landing',
  /** The lead section: the form, and the panels that replace it (pending, sent, returning). */
  lead: 'lead',
  fill: 'lead-fill',
  form: 'lead-form',
  status: 'lead-status',
  submit: 'lead-submit',
  pending: 'lead-pending',
  done: 'lead-done',
  /** Filled by the script with the masked phone the confirmation names. */
  donePhone: 'lead-done-phone',
  doneOptOut: 'lead-done-optout',
  returning: 'lead-returning',
  again: 'lead-again',
  bar: 'cta-bar',
  reshare: 'reshare',
  reshareStatus: 'reshare-status',
  back: 'back-to-app',
  shareHint: 'share-hint',
} as const;

/** Fields of the lead form, in the order errors are reported. */
export const LEAD_FIELDS = ['name', 'phone', 'message', 'company', 'city', 'preferred_time', 'consent'] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** `lead-name`, `lead-phone`… for inputs; `lead-name-err`… for the message next to each field. */
export const fieldId = (field: LeadField): string => `lead-${field}`;
export const fieldErrorId = (field: LeadField): string => `lead-${field}-err`;

/** localStorage keys (same origin = one organisation). */
export const STORAGE_KEYS = {
  /** Leads not yet answered by the server, with their idempotency keys: retried until answered. */
  outbox: 'fj_lead_outbox',
  /** Pages where this device already left details: `{ [pageKey]: { at, optOutUrl? } }`. */
  sent: 'fj_lead_sent',
} as const;

import { z } from 'zod';
import { phoneSchema } from './auth.schema';

/**
 * PIPL rights requests (contract "Additions: Privacy"), hq_admin only.
 * `GET /api/privacy/subjects?phone=` → everything held about one phone number; audited.
 */
export const privacySubjectQuerySchema = z.object({ phone: phoneSchema });
export type PrivacySubjectQuery = z.infer<typeof privacySubjectQuerySchema>;

/** One consent from the ledger: the notice version agreed to, when, and through which share. */
export const subjectConsentSchema = z.object({
  noticeVersion: z.string(),
  /** SHA-256 (hex) of the notice text shown; null for consents recorded before the ledger. */
  noticeHash: z.string().nullable(),
  at: z.string(),
  shareId: z.string().nullable(),
  visitorId: z.string().nullable(),
  /** The address, truncated to its /24 (IPv4) or /48 (IPv6). */
  ipPrefix: z.string().nullable(),
});
export type SubjectConsent = z.infer<typeof subjectConsentSchema>;

export const subjectTouchSchema = z.object({
  at: z.string(),
  shareId: z.string(),
  staffId: z.string(),
  visitorId: z.string().nullable(),
  name: z.string(),
  message: z.string().nullable(),
});

export const subjectFollowUpSchema = z.object({ at: z.string(), staffId: z.string(), method: z.string(), note: z.string(), nextAt: z.string().nullable() });

export const subjectOwnershipSchema = z.object({
  at: z.string(),
  rule: z.string(),
  fromStaffId: z.string().nullable(),
  toStaffId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const subjectVisitSchema = z.object({ at: z.string(), shareId: z.string(), visitorId: z.string(), type: z.string(), value: z.number().nullable() });

export const subjectLeadSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  status: z.string(),
  message: z.string().nullable(),
  createdAt: z.string(),
  touches: z.array(subjectTouchSchema),
  consents: z.array(subjectConsentSchema),
  followUps: z.array(subjectFollowUpSchema),
  ownership: z.array(subjectOwnershipSchema),
  visits: z.array(subjectVisitSchema),
});
export type SubjectLead = z.infer<typeof subjectLeadSchema>;

export const privacySubjectSchema = z.object({
  phone: z.string(),
  /** When this export was made. */
  exportedAt: z.string(),
  leads: z.array(subjectLeadSchema),
});
export type PrivacySubject = z.infer<typeof privacySubjectSchema>;

/** `POST /api/privacy/subjects/erase`: anonymises the person's leads (name, phone, messages), drops their visits. */
export const eraseSubjectRequestSchema = z.object({
  phone: phoneSchema,
  reason: z.string({ error: '请填写删除原因' }).trim().min(1, { message: '请填写删除原因' }).max(200, { message: '原因最多 200 字' }),
});
export type EraseSubjectRequest = z.infer<typeof eraseSubjectRequestSchema>;

/** `erased`: how many leads were anonymised (0 when the phone matched none). */
export const eraseSubjectResponseSchema = z.object({ erased: z.number().int().min(0) });
export type EraseSubjectResponse = z.infer<typeof eraseSubjectResponseSchema>;

/** What an anonymised lead shows instead of the person's name. */
export const ERASED_NAME = '已删除';

/** `POST /api/jobs/retention` (hq_admin): one run of the retention job; `ran: false` when another process ran it. */
export const retentionRunResultSchema = z.object({
  ran: z.boolean(),
  visitEventsPurged: z.number().int().min(0),
  leadsAnonymised: z.number().int().min(0),
});
export type RetentionRunResult = z.infer<typeof retentionRunResultSchema>;

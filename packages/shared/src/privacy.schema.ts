import { z } from 'zod';
import { phoneSchema } from './auth.schema';
import { smsCodeSchema } from './opt-out.schema';

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

/**
 * Rights requests from the customer (the page linked from every landing page), verified by phone + SMS code.
 * HQ answers within 15 working days (PIPL art. 50).
 */
export const PRIVACY_REQUEST_KINDS = ['access', 'erase', 'correct', 'withdraw'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export const PRIVACY_REQUEST_KIND_LABELS: Readonly<Record<PrivacyRequestKind, string>> = {
  access: '查阅、复制我的信息',
  erase: '删除我的信息',
  correct: '更正我的信息',
  withdraw: '撤回同意',
};
export const PRIVACY_REQUEST_STATUSES = ['open', 'done'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
export const PRIVACY_REQUEST_STATUS_LABELS: Readonly<Record<PrivacyRequestStatus, string>> = { open: '待处理', done: '已处理' };
/** Working days HQ has to answer (PIPL art. 50 and the notice's promise). */
export const PRIVACY_REQUEST_WORKING_DAYS = 15;

/** `POST /api/public/privacy-requests/code`: an SMS code to the phone (the same answer whether it is known or not). */
export const privacyRequestCodeSchema = z.object({ phone: phoneSchema });
export type PrivacyRequestCode = z.infer<typeof privacyRequestCodeSchema>;

/** `POST /api/public/privacy-requests` → 201 `privacyRequestReceiptSchema`. */
export const submitPrivacyRequestSchema = z.object({
  phone: phoneSchema,
  code: smsCodeSchema,
  kind: z.enum(PRIVACY_REQUEST_KINDS, { error: '请选择要办理的事项' }),
  message: z.string().trim().max(500, { message: '说明最多 500 字' }).optional(),
});
export type SubmitPrivacyRequest = z.infer<typeof submitPrivacyRequestSchema>;

/** `dueDate`: the last day of the answer period, China time (YYYY-MM-DD). */
export const privacyRequestReceiptSchema = z.object({ ok: z.literal(true), dueDate: z.string() });
export type PrivacyRequestReceipt = z.infer<typeof privacyRequestReceiptSchema>;

/** `GET /api/privacy/requests?status=` (hq_admin): newest first. */
export const privacyRequestListQuerySchema = z.object({ status: z.enum(PRIVACY_REQUEST_STATUSES).optional() });
export type PrivacyRequestListQuery = z.infer<typeof privacyRequestListQuerySchema>;

export const privacyRequestSchema = z.object({
  id: z.string(),
  /** The requester's phone in full: HQ needs it to export or erase (GET /api/privacy/subjects). */
  phone: z.string(),
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  message: z.string().nullable(),
  status: z.enum(PRIVACY_REQUEST_STATUSES),
  createdAt: z.string(),
  /** The last day of the 15 working days, China time (YYYY-MM-DD). */
  dueDate: z.string(),
  /** Working days left until `dueDate` (0 on the day, negative when overdue); null once handled. */
  workingDaysLeft: z.number().int().nullable(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;
export const privacyRequestListSchema = z.object({ items: z.array(privacyRequestSchema) });
export type PrivacyRequestList = z.infer<typeof privacyRequestListSchema>;

/** `POST /api/privacy/requests/:id/done { note }` (hq_admin) → `privacyRequestSchema`. */
export const closePrivacyRequestSchema = z.object({
  note: z.string({ error: '请填写处理说明' }).trim().min(1, { message: '请填写处理说明' }).max(500, { message: '说明最多 500 字' }),
});
export type ClosePrivacyRequest = z.infer<typeof closePrivacyRequestSchema>;

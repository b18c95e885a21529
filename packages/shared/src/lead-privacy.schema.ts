import { z } from 'zod';
import { LEAD_SORTS, leadFilterSchema } from './lead-query.schema';

/** `POST /api/leads/:id/reveal` (hq_admin; branch_manager inside the branch): the full phone, audited with the reason. */
export const revealPhoneRequestSchema = z.object({
  reason: z.string({ error: '请填写查看原因' }).trim().min(1, { message: '请填写查看原因' }).max(200, { message: '原因最多 200 字' }),
});
export type RevealPhoneRequest = z.infer<typeof revealPhoneRequestSchema>;

export const revealPhoneResponseSchema = z.object({ phone: z.string() });
export type RevealPhoneResponse = z.infer<typeof revealPhoneResponseSchema>;

/** Formats of `GET /api/leads/export.csv` and `GET /api/leads/export.xlsx`. */
export const LEAD_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type LeadExportFormat = (typeof LEAD_EXPORT_FORMATS)[number];

/**
 * A browser download cannot carry the Authorization header. `POST /api/download-tickets { purpose }` (signed in)
 * answers a one-time ticket valid for 60 seconds, bound to the caller and the purpose; the download URL then
 * carries `ticket=` instead of the header. A used, expired or foreign ticket is 401 TICKET_INVALID.
 * Tickets never appear in request logs.
 */
export const DOWNLOAD_PURPOSES = ['lead_export'] as const;
export type DownloadPurpose = (typeof DOWNLOAD_PURPOSES)[number];

export const downloadTicketRequestSchema = z.object({ purpose: z.enum(DOWNLOAD_PURPOSES) });
export type DownloadTicketRequest = z.infer<typeof downloadTicketRequestSchema>;

export const downloadTicketResponseSchema = z.object({
  ticket: z.string().regex(/^[0-9A-Za-z_-]{20,100}$/),
  expiresAt: z.string(),
});
export type DownloadTicketResponse = z.infer<typeof downloadTicketResponseSchema>;

/**
 * Query of `GET /api/leads/export.csv|xlsx`: the list's filters and order, and either the Authorization header
 * or a `ticket`. Streamed; phones masked as in the list unless the caller owns the lead; audited with the
 * filters and the row count.
 */
export const leadExportQuerySchema = leadFilterSchema.extend({
  sort: z.enum(LEAD_SORTS).optional(),
  ticket: z.string().regex(/^[0-9A-Za-z_-]{20,100}$/).optional(),
});
export type LeadExportQuery = z.infer<typeof leadExportQuerySchema>;

/** The export's columns, in order, with their Chinese header. */
export const LEAD_EXPORT_COLUMNS = [
  ['name', '姓名'],
  ['phone', '手机号'],
  ['status', '状态'],
  ['pool', '公海/私海'],
  ['ownerName', '归属员工'],
  ['branchName', '门店'],
  ['source', '来源内容'],
  ['channel', '来源渠道'],
  ['heat', '热度'],
  ['tags', '标签'],
  ['touchCount', '触达次数'],
  ['createdAt', '创建时间'],
  ['lastTouchAt', '最近触达'],
  ['lastFollowUpAt', '最近跟进'],
  ['doNotContact', '不再联系'],
] as const;

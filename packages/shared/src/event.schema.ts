import { z } from 'zod';
import { VISIT_EVENT_TYPES } from './enums';
import { shareCodeSchema, visitorIdSchema } from './share.schema';

export const visitEventSchema = z.object({
  type: z.enum(VISIT_EVENT_TYPES),
  shareCode: shareCodeSchema,
  visitorId: visitorIdSchema.optional(),
  /** dwell: seconds on the page. */
  value: z.number().int().min(0).max(86400).optional(),
});

export const publicEventsRequestSchema = z.union([
  visitEventSchema,
  z.object({ events: z.array(visitEventSchema).min(1).max(20) }),
]);
export type PublicEventsRequest = z.infer<typeof publicEventsRequestSchema>;

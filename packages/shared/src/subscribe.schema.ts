import { z } from 'zod';

/**
 * WeChat subscribe messages (一次性订阅): each tap on 「开启提醒」 asks the staff member; every template they accept
 * lets the server send one message of it. WeChat offers no way to read the remaining quota, so the server keeps
 * its own count from what the app reports and decrements it on every send (and zeroes it on errcode 43101).
 */
export const SUBSCRIBE_TOPICS = ['new_lead', 'hot_return'] as const;
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number];

export const SUBSCRIBE_TOPIC_LABELS = { new_lead: '新客户留资', hot_return: '老客户再次访问' } satisfies Record<SubscribeTopic, string>;

export const subscribeTemplateSchema = z.object({
  topic: z.enum(SUBSCRIBE_TOPICS),
  /** The mini-program's template id for this topic (server configuration). */
  templateId: z.string().min(1).max(64),
  /** Messages the server may still send the caller with this template. */
  remaining: z.number().int().min(0),
});
export type SubscribeTemplate = z.infer<typeof subscribeTemplateSchema>;

/** `GET /api/me/subscriptions` → the templates to ask for and the caller's remaining quota; empty without WeChat. */
export const subscriptionStatusSchema = z.object({ templates: z.array(subscribeTemplateSchema) });
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/** `POST /api/me/subscriptions` with the answer of `wx.requestSubscribeMessage` → 200 the new {@link subscriptionStatusSchema}. */
export const reportSubscriptionsRequestSchema = z.object({
  /** Template ids the staff member accepted on this tap (each adds one to its quota); unknown ids are ignored. */
  accepted: z.array(z.string().min(1).max(64)).max(3),
});
export type ReportSubscriptionsRequest = z.infer<typeof reportSubscriptionsRequestSchema>;

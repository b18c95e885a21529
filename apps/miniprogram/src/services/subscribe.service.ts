import Taro from '@tarojs/taro';
import { API, subscriptionStatusSchema, type SubscribeTemplate } from '@fenji/shared';
import { isWeapp } from '../config/platform';
import { request } from './request';

/** The alert templates to ask for and how many messages of each the server may still send me. */
export async function getSubscriptions(): Promise<SubscribeTemplate[]> {
  return (await request(API.mySubscriptions, { schema: subscriptionStatusSchema, toast: false })).templates;
}

/**
 * Asks the staff member (this must run inside a tap) for one alert of each template with WeChat's own dialog, then
 * tells the API which were accepted so it can keep its own count. Resolves with the new quota and how many were
 * accepted; 0 accepted when declined. Only in the WeChat build.
 */
export async function askForAlerts(templates: SubscribeTemplate[]): Promise<{ accepted: number; templates: SubscribeTemplate[] }> {
  if (!isWeapp() || templates.length === 0) return { accepted: 0, templates };
  const tmplIds = templates.map((t) => t.templateId);
  const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
  const accepted = tmplIds.filter((id) => answer[id] === 'accept');
  if (accepted.length === 0) return { accepted: 0, templates };
  const status = await request(API.mySubscriptions, { method: 'POST', data: { accepted }, schema: subscriptionStatusSchema });
  return { accepted: accepted.length, templates: status.templates };
}

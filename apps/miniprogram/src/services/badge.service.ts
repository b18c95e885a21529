import Taro from '@tarojs/taro';
import { getFollowUpSummary } from './lead.service';
import { unreadCount } from './notification.service';

/** Tab bar positions (app.config.ts). */
export const TAB_INDEX = { library: 0, radar: 1, customers: 2, me: 3 } as const;

function setBadge(index: number, count: number): void {
  const call = count > 0 ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index });
  void Promise.resolve(call).catch(() => undefined);
}

/** 客户 shows how many follow-ups are due today or overdue; resolves with that count (null when unknown). */
export async function refreshDueBadge(): Promise<number | null> {
  try {
    const summary = await getFollowUpSummary();
    const due = summary.overdue + summary.dueToday;
    setBadge(TAB_INDEX.customers, due);
    return due;
  } catch {
    return null;
  }
}

/** 我的 shows how many notices are unread. */
export async function refreshUnreadBadge(): Promise<number | null> {
  try {
    const unread = await unreadCount();
    setBadge(TAB_INDEX.me, unread);
    return unread;
  } catch {
    return null;
  }
}

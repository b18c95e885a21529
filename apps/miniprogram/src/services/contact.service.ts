import Taro from '@tarojs/taro';
import { isWeapp } from '../config/platform';

/** Tap to call: WeChat's dialer, or `tel:` in the browser. */
export function callPhone(phone: string): void {
  const digits = phone.replace(/[^\d+]/g, '');
  if (!digits) return;
  if (!isWeapp()) {
    window.location.href = `tel:${digits}`;
    return;
  }
  void Promise.resolve(Taro.makePhoneCall({ phoneNumber: digits })).catch(() => undefined);
}

/** Copies text and says so (WeChat shows its own toast). */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
    if (!isWeapp()) void Promise.resolve(Taro.showToast({ title: `${what}已复制`, icon: 'success' })).catch(() => undefined);
  } catch {
    void Promise.resolve(Taro.showToast({ title: '复制失败，请长按手动复制', icon: 'none' })).catch(() => undefined);
  }
}

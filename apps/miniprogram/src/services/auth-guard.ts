import Taro from '@tarojs/taro';
import { PAGES } from '../config/routes';
import { hasSession } from './session.service';

/** For pages that need a signed-in staff member: false (and off to login) when there is no session. */
export function ensureSession(): boolean {
  if (hasSession()) return true;
  void Promise.resolve(Taro.reLaunch({ url: PAGES.login })).catch(() => undefined);
  return false;
}

/** Where a staff member lands after signing in. */
export function goHome(): void {
  void Promise.resolve(Taro.switchTab({ url: PAGES.library })).catch(() => undefined);
}

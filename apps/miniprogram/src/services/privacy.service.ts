import Taro from '@tarojs/taro';
import { isWeapp } from '../config/platform';

/**
 * WeChat's privacy authorisation (基础库 ≥ 2.32.3): before a personal-data API (here: saving to the album) WeChat
 * calls `onNeedPrivacyAuthorization`; the app shows its own explanation (PrivacyPopup) and answers through
 * `resolve` with the id of the agree button the person tapped.
 */
export type PrivacyResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

type Asker = (resolve: PrivacyResolve) => void;

let asker: Asker | null = null;
let pending: PrivacyResolve | null = null;

/** The id of the popup's agree button (`open-type="agreePrivacyAuthorization"`). */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** Called once at app start in the WeChat build. */
export function registerPrivacyHandler(): void {
  if (!isWeapp()) return;
  const api = Taro as unknown as { onNeedPrivacyAuthorization?: (fn: (resolve: PrivacyResolve) => void) => void };
  api.onNeedPrivacyAuthorization?.((resolve) => {
    if (asker) {
      resolve({ event: 'exposureAuthorization' });
      asker(resolve);
    } else {
      pending = resolve; // no page is listening yet: the next PrivacyPopup to mount asks
    }
  });
}

/** A PrivacyPopup listens while mounted; returns the way to stop. */
export function listenForPrivacyRequests(fn: Asker): () => void {
  asker = fn;
  if (pending) {
    const resolve = pending;
    pending = null;
    resolve({ event: 'exposureAuthorization' });
    fn(resolve);
  }
  return () => {
    if (asker === fn) asker = null;
  };
}

/**
 * Makes sure the person agreed to the privacy guide before a personal-data API: resolves true when agreed (or
 * not applicable: the browser build, an old base library), false when they declined.
 */
export async function ensurePrivacyAgreed(): Promise<boolean> {
  if (!isWeapp()) return true;
  const api = Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void };
  if (!api.requirePrivacyAuthorize) return true;
  return new Promise((resolve) => api.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }));
}

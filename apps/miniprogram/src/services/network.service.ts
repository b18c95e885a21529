import Taro from '@tarojs/taro';
import { isH5 } from '../config/platform';

type Listener = (online: boolean) => void;

let online = true;
let started = false;
const listeners = new Set<Listener>();

function set(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const listener of listeners) listener(online);
}

/**
 * Starts listening once. WeChat: `Taro.onNetworkStatusChange` after one `getNetworkType`. Browser: the window's
 * `online`/`offline` events and `navigator.onLine` (Taro's H5 version listens to the Network Information API only,
 * which most browsers do not fire when the connection drops).
 */
function start(): void {
  if (started) return;
  started = true;
  if (isH5() && typeof window !== 'undefined') {
    window.addEventListener('online', () => set(true));
    window.addEventListener('offline', () => set(false));
    set(navigator.onLine !== false);
    return;
  }
  try {
    Taro.onNetworkStatusChange((res) => set(res.isConnected));
    Promise.resolve(Taro.getNetworkType())
      .then((res) => set(res.networkType !== 'none'))
      .catch(() => undefined);
  } catch {
    // A platform without network events: assume online; failed requests still show their errors.
  }
}

export function currentlyOnline(): boolean {
  start();
  return online;
}

/** Calls `listener` on every change; returns the unsubscribe. */
export function watchNetwork(listener: Listener): () => void {
  start();
  listeners.add(listener);
  listener(online);
  return () => listeners.delete(listener);
}

/** For tests: forget the state. */
export function resetNetworkForTests(): void {
  online = true;
  started = false;
  listeners.clear();
}

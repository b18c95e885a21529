import Taro from '@tarojs/taro';

type Listener = (online: boolean) => void;

let online = true;
let started = false;
const listeners = new Set<Listener>();

function set(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const listener of listeners) listener(online);
}

/** Starts listening once: `Taro.onNetworkStatusChange` (both builds) after one `getNetworkType` to know where we are. */
function start(): void {
  if (started) return;
  started = true;
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

import { useEffect, useRef, useState } from 'react';
import { currentlyOnline, watchNetwork } from '../services/network.service';

/** Whether the phone has a network right now; updates as it comes and goes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(currentlyOnline);
  useEffect(() => watchNetwork(setOnline), []);
  return online;
}

/** Runs `onBack` when the network comes back after being gone (pages reload what failed meanwhile). */
export function useOnReconnect(onBack: () => void): void {
  const latest = useRef(onBack);
  latest.current = onBack;
  useEffect(() => {
    let wasOnline = currentlyOnline();
    return watchNetwork((online) => {
      if (online && !wasOnline) latest.current();
      wasOnline = online;
    });
  }, []);
}

import Taro from '@tarojs/taro';
import { API, wsServerMessageSchema, type WsServerMessage } from '@fenji/shared';
import { apiBase } from '../config/env';
import { isWeapp } from '../config/platform';
import { getAccessToken } from './session.service';

/** The little of a socket this client needs; both WeChat's SocketTask and the browser's WebSocket fit behind it. */
export interface SocketLike {
  onOpen(fn: () => void): void;
  onMessage(fn: (data: string) => void): void;
  /** Called once when the socket ends, whatever the reason (close or error). */
  onEnd(fn: () => void): void;
  close(): void;
}

export type SocketFactory = (url: string) => SocketLike;

export type LiveState = 'connecting' | 'live' | 'waiting';

export interface RadarSocketOptions {
  onMessage: (message: WsServerMessage) => void;
  /** The socket is open again after a gap: fetch what was missed. Not called for the first connection. */
  onReconnected: () => void;
  onState?: (state: LiveState) => void;
  factory?: SocketFactory;
  /** For tests: the timer functions. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

/** Backoff after the n-th failure in a row: 1 s, 2 s, 4 s … up to 30 s, with ±20 % jitter so phones do not reconnect in step. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** `wss://host/api/ws?token=…` from the API origin (the H5 build: this page's origin). */
export function socketUrl(token: string): string {
  const base = apiBase() || (typeof location !== 'undefined' ? location.origin : '');
  return `${base.replace(/^http/, 'ws')}${API.ws}?token=${encodeURIComponent(token)}`;
}

/** A socket ends once, on close or error, whichever comes first. */
function endOnce(): { fire: () => void; listen: (fn: () => void) => void } {
  let ended = false;
  let listener: () => void = () => undefined;
  return {
    fire: () => {
      if (ended) return;
      ended = true;
      listener();
    },
    listen: (fn) => {
      listener = fn;
    },
  };
}

function wechatSocket(url: string): SocketLike {
  // Taro.connectSocket resolves with WeChat's SocketTask.
  const ready = Promise.resolve(Taro.connectSocket({ url }) as unknown as Promise<Taro.SocketTask | undefined>).then((task) => {
    if (!task) throw new Error('connectSocket gave no task');
    return task;
  });
  const end = endOnce();
  return {
    onOpen: (fn) => void ready.then((t) => t.onOpen(() => fn()), () => undefined),
    onMessage: (fn) => void ready.then((t) => t.onMessage((res) => fn(typeof res.data === 'string' ? res.data : '')), () => undefined),
    onEnd: (fn) => {
      end.listen(fn);
      void ready.then((t) => {
        t.onClose(end.fire);
        t.onError(end.fire);
      }, end.fire);
    },
    close: () => void ready.then((t) => t.close({}), () => undefined),
  };
}

function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const end = endOnce();
  ws.addEventListener('close', end.fire);
  ws.addEventListener('error', end.fire);
  return {
    onOpen: (fn) => ws.addEventListener('open', () => fn()),
    onMessage: (fn) => ws.addEventListener('message', (e: MessageEvent) => fn(typeof e.data === 'string' ? e.data : '')),
    onEnd: end.listen,
    close: () => ws.close(),
  };
}

export const defaultSocketFactory: SocketFactory = (url) => (isWeapp() ? wechatSocket(url) : browserSocket(url));

/**
 * The live radar: one WebSocket to `GET /api/ws?token=`, reconnected with backoff when it drops (a fresh token each
 * time, so a refreshed session keeps working), and a catch-up call after every reconnection. Messages that do not
 * match the contract are ignored.
 */
export class RadarSocket {
  private socket: SocketLike | null = null;
  private failures = 0;
  private timer: unknown = null;
  private stopped = true;
  private everOpened = false;
  private readonly factory: SocketFactory;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: RadarSocketOptions) {
    this.factory = options.factory ?? defaultSocketFactory;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  /** Reconnect now (the network came back), skipping the wait. */
  nudge(): void {
    if (this.stopped || this.socket) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.connect();
  }

  private connect(): void {
    const token = getAccessToken();
    if (!token) {
      this.retryLater();
      return;
    }
    this.options.onState?.('connecting');
    let socket: SocketLike;
    try {
      socket = this.factory(socketUrl(token));
    } catch {
      this.retryLater();
      return;
    }
    this.socket = socket;
    socket.onOpen(() => {
      if (this.socket !== socket) return;
      const gap = this.everOpened;
      this.everOpened = true;
      this.failures = 0;
      this.options.onState?.('live');
      if (gap) this.options.onReconnected();
    });
    socket.onMessage((data) => {
      if (this.socket !== socket) return;
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        return;
      }
      const parsed = wsServerMessageSchema.safeParse(json);
      if (parsed.success) this.options.onMessage(parsed.data);
    });
    socket.onEnd(() => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retryLater();
    });
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.failures += 1;
    this.options.onState?.('waiting');
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, backoffMs(this.failures, this.options.random));
  }
}

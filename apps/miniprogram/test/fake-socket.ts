/**
 * A stand-in for the browser's WebSocket: every `new WebSocket(url)` is recorded; a test opens it, sends server
 * messages into it and drops it, as the network would.
 */
type Listener = (event: { data?: unknown }) => void;

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, Listener[]>();

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }

  close(): void {
    this.closed = true;
  }

  private emit(type: string, event: { data?: unknown } = {}): void {
    for (const fn of this.listeners.get(type) ?? []) fn(event);
  }

  open(): void {
    this.emit('open');
  }

  /** The server sends a JSON message (or raw text). */
  send(message: unknown): void {
    this.emit('message', { data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  /** The connection drops. */
  drop(): void {
    this.closed = true;
    this.emit('close');
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances[FakeWebSocket.instances.length - 1];
    if (!socket) throw new Error('no socket opened');
    return socket;
  }

  static install(): void {
    FakeWebSocket.instances = [];
    (globalThis as { WebSocket: unknown }).WebSocket = FakeWebSocket;
  }
}

/** WeChat's SocketTask as `Taro.connectSocket` resolves it (the mock returns one per call). */
export class FakeSocketTask {
  static instances: FakeSocketTask[] = [];
  closed = false;
  private handlers: Record<'open' | 'message' | 'close' | 'error', Array<(res: { data?: string }) => void>> = { open: [], message: [], close: [], error: [] };

  constructor(readonly url: string) {
    FakeSocketTask.instances.push(this);
  }

  onOpen(fn: () => void): void {
    this.handlers.open.push(fn);
  }
  onMessage(fn: (res: { data?: string }) => void): void {
    this.handlers.message.push(fn);
  }
  onClose(fn: () => void): void {
    this.handlers.close.push(fn);
  }
  onError(fn: () => void): void {
    this.handlers.error.push(fn);
  }
  close(): void {
    this.closed = true;
  }

  open(): void {
    for (const fn of this.handlers.open) fn({});
  }
  send(message: unknown): void {
    for (const fn of this.handlers.message) fn({ data: JSON.stringify(message) });
  }
  fail(): void {
    for (const fn of this.handlers.error) fn({});
  }
}

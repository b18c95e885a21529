import type { LeadStore, OutboxEntry } from './client-storage';

export type DeliveryResult =
  | { kind: 'sent'; optOutUrl?: string }
  /** The server refused it (bad input, unknown share): nothing was written; the message says why. */
  | { kind: 'rejected'; message: string; status: number }
  /** No answer (offline, timeout) or one that may change (5xx, 408, 429): try again with the same key. */
  | { kind: 'retry' };

const FAILED = '发送失败，请稍后再试';

/** One try. Only a 2xx or a definite 4xx ends an entry's life; everything else is retried with the same key. */
export async function deliver(win: Window, entry: OutboxEntry): Promise<DeliveryResult> {
  let res: Response;
  try {
    res = await win.fetch(entry.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(entry.body),
      credentials: 'same-origin',
    });
  } catch {
    return { kind: 'retry' };
  }
  const json = (await res.json().catch(() => null)) as { message?: unknown; optOutUrl?: unknown } | null;
  if (res.ok) return typeof json?.optOutUrl === 'string' ? { kind: 'sent', optOutUrl: json.optOutUrl } : { kind: 'sent' };
  if (res.status >= 500 || res.status === 408 || res.status === 429) return { kind: 'retry' };
  return { kind: 'rejected', status: res.status, message: typeof json?.message === 'string' ? json.message : FAILED };
}

/** Pauses between retries while the page stays open: quick at first, then once a minute. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000, 60_000] as const;

export interface OutboxOptions {
  retryDelaysMs?: readonly number[];
  onResult: (entry: OutboxEntry, result: DeliveryResult) => void;
}

/**
 * Sends what the store holds until the server answers: at once, when the browser comes back `online`, when the
 * page becomes visible again, and on a backing-off timer. A later visit (any landing page) picks up the rest.
 * The idempotency key in each entry makes every retry the same request: one lead, however often it is sent.
 */
export class Outbox {
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private readonly delays: readonly number[];

  constructor(
    private readonly win: Window,
    private readonly store: LeadStore,
    private readonly options: OutboxOptions,
  ) {
    this.delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  add(entry: OutboxEntry): Promise<void> {
    this.store.save(entry);
    this.attempt = 0;
    return this.flush();
  }

  pending(): OutboxEntry[] {
    return this.store.outbox();
  }

  /** Tries every entry not already on its way; schedules the next round if any is left. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const entries = this.store.outbox().filter((e) => !this.inFlight.has(e.body.idempotencyKey));
    await Promise.all(
      entries.map(async (entry) => {
        const key = entry.body.idempotencyKey;
        this.inFlight.add(key);
        try {
          const result = await deliver(this.win, entry);
          if (result.kind !== 'retry') this.store.remove(key);
          this.options.onResult(entry, result);
        } finally {
          this.inFlight.delete(key);
        }
      }),
    );
    if (this.store.outbox().length > 0 && !this.timer) {
      const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 60_000;
      this.attempt++;
      this.timer = setTimeout(() => void this.flush(), delay);
    }
  }

  /** A round unless one is already under way or scheduled (start-up, when a submit may have come first). */
  flushIfIdle(): Promise<void> {
    return this.timer || this.inFlight.size ? Promise.resolve() : this.flush();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

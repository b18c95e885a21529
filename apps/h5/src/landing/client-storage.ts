import { STORAGE_KEYS } from './dom-ids';

/** What `POST /api/public/leads` is sent; kept as is until the server answers, so a retry is the same request. */
export interface LeadBody {
  shareCode: string;
  name: string;
  phone: string;
  consent: true;
  idempotencyKey: string;
  message?: string;
  fields?: Record<string, string>;
  visitorId?: string;
  consentVersion?: string;
}

export interface OutboxEntry {
  url: string;
  body: LeadBody;
  /** The page it was left on (its returning-visitor greeting). */
  pageKey: string;
  savedAt: number;
}

export interface SentMark {
  at: number;
  /** The submitter's signed 不再联系 link, when the server gave one. */
  optOutUrl?: string;
}

/** Entries older than this are dropped unsent (the visitor has long moved on; the key may have expired). */
const OUTBOX_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const OUTBOX_MAX = 10;

/**
 * Says whether this device keeps anything in the store. The first read of localStorage blocks the page while
 * the browser loads it from disk (up to ~100 ms on a phone); visitors who never left details (nearly all) should
 * not pay for it, so a tiny first-party cookie says whether there is anything to read.
 */
export interface StoreMarker {
  has(): boolean;
  set(): void;
}

const MARKER_COOKIE = 'fj_ls';

/** The marker as a cookie (no personal data: `fj_ls=1`), for a year. */
export function cookieMarker(doc: Document): StoreMarker {
  return {
    has: () => doc.cookie.split(';').some((part) => part.trim() === `${MARKER_COOKIE}=1`),
    set: () => {
      const secure = doc.defaultView?.location.protocol === 'https:' ? '; secure' : '';
      doc.cookie = `${MARKER_COOKIE}=1; path=/; max-age=31536000; samesite=lax${secure}`;
    },
  };
}

/**
 * The device's memory of leads: the outbox (not yet answered) and the pages where details were left.
 * localStorage when the browser allows it (private modes may throw); otherwise memory for this page view.
 * localStorage is opened only when the marker says there is something in it, or when something is written.
 */
export class LeadStore {
  private readonly memory = new Map<string, string>();
  private storageRef: Storage | null | undefined;

  constructor(
    private readonly openStorage: () => Storage | null,
    private readonly marker: StoreMarker,
  ) {}

  /** False for a device that never kept anything here: nothing to restore, nothing to retry. */
  hasData(): boolean {
    return this.memory.size > 0 || this.marker.has();
  }

  private get storage(): Storage | null {
    if (this.storageRef === undefined) this.storageRef = this.openStorage();
    return this.storageRef;
  }

  private read<T>(key: string, fallback: T): T {
    if (!this.hasData()) return fallback;
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(key) ?? null;
    } catch {
      // storage refused: memory only
    }
    raw = raw ?? this.memory.get(key) ?? null;
    if (!raw) return fallback;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return fallback;
    }
  }

  private write(key: string, value: unknown): void {
    const raw = JSON.stringify(value);
    this.memory.set(key, raw);
    this.marker.set();
    try {
      this.storage?.setItem(key, raw);
    } catch {
      // full or refused: memory keeps it for this page view
    }
  }

  outbox(now = Date.now()): OutboxEntry[] {
    const entries = this.read<OutboxEntry[]>(STORAGE_KEYS.outbox, []);
    return Array.isArray(entries) ? entries.filter((e) => e && e.body && typeof e.body.idempotencyKey === 'string' && now - e.savedAt < OUTBOX_MAX_AGE_MS) : [];
  }

  /** Saved before the first try: a reload or a closed tab cannot lose it. */
  save(entry: OutboxEntry): void {
    const others = this.outbox().filter((e) => e.body.idempotencyKey !== entry.body.idempotencyKey);
    this.write(STORAGE_KEYS.outbox, [...others, entry].slice(-OUTBOX_MAX));
  }

  remove(idempotencyKey: string): void {
    this.write(STORAGE_KEYS.outbox, this.outbox().filter((e) => e.body.idempotencyKey !== idempotencyKey));
  }

  markSent(pageKey: string, mark: SentMark): void {
    this.write(STORAGE_KEYS.sent, { ...this.read<Record<string, SentMark>>(STORAGE_KEYS.sent, {}), [pageKey]: mark });
  }

  sent(pageKey: string): SentMark | null {
    return this.read<Record<string, SentMark>>(STORAGE_KEYS.sent, {})[pageKey] ?? null;
  }
}

/** localStorage, or null where reading it throws (some privacy modes). */
export function browserStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

import { normalizePhone } from '@fenji/shared/src/phone';
import { LANDING_IDS, LEAD_FIELDS, fieldErrorId, fieldId, type LeadField } from './dom-ids';
import { validateLeadForm } from './lead-form.rules';

/**
 * Progressive enhancement of the server-rendered landing page, plain DOM:
 * the lead form submits as JSON with field messages, dwell time and form opening are reported,
 * and the 分享给朋友 button appears. The page is fully readable and the form works without it.
 */

export interface LandingClientOptions {
  /** Pause before the one retry of a submission that failed on the network. */
  retryDelayMs?: number;
}

const MESSAGES = {
  sending: '正在提交…',
  success: '提交成功，我们会尽快与您联系',
  failed: '提交失败，请稍后再试',
  offline: '网络异常，请检查网络后重试',
  checkFields: '请按提示修改后再提交',
  reshareFailed: '生成分享链接失败，请稍后再试',
  copied: '链接已复制，发给朋友即可：',
  copyByHand: '请复制链接发给朋友：',
} as const;

const VISITOR_COOKIE = 'fj_vid';
const VISITOR_ID = /^[0-9A-Za-z_-]{16,40}$/;

export function readVisitorId(cookie: string): string | undefined {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === VISITOR_COOKIE) {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return VISITOR_ID.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** One key per form fill, so a retried or double-sent submission creates one lead. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sets up the page; returns a function removing every listener it added. */
export function initLanding(doc: Document, options: LandingClientOptions = {}): () => void {
  const root = doc.getElementById(LANDING_IDS.root);
  const win = doc.defaultView;
  if (!root || !win) return () => undefined;

  const retryDelayMs = options.retryDelayMs ?? 800;
  const { shareCode = '', leadsUrl = '', eventsUrl = '', reshareUrl = '', title = doc.title } = root.dataset;
  const visitorId = readVisitorId(doc.cookie);
  const cleanups: Array<() => void> = [];

  function on<T extends EventTarget>(target: T, type: string, listener: (event: Event) => void): void {
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener));
  }

  const postJson = (url: string, body: unknown): Promise<Response> =>
    win.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });

  function setStatus(el: Element | null, text: string, state?: 'ok' | 'bad'): void {
    if (!el) return;
    el.textContent = text;
    el.className = state ?? '';
  }

  // ---- events: dwell time and form opening, as beacons that survive the page going away
  const sendEvent = (type: 'dwell' | 'form_open', value?: number): void => {
    if (!eventsUrl) return;
    const json = JSON.stringify({ type, shareCode, visitorId, value });
    const nav = win.navigator;
    try {
      if (nav.sendBeacon && nav.sendBeacon(eventsUrl, new Blob([json], { type: 'application/json' }))) return;
    } catch {
      // Some browsers refuse non-text beacons: fall back to a keepalive fetch.
    }
    win
      .fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json, keepalive: true })
      .catch(() => undefined);
  };

  let visibleSince: number | null = doc.visibilityState === 'hidden' ? null : Date.now();
  let visibleMs = 0;
  let sentSeconds = 0;
  /** `value` is the total seconds the page has been visible so far in this page view. */
  const reportDwell = (): void => {
    if (visibleSince !== null) visibleMs += Date.now() - visibleSince;
    visibleSince = null;
    const seconds = Math.min(86400, Math.round(visibleMs / 1000));
    if (seconds > sentSeconds) {
      sentSeconds = seconds;
      sendEvent('dwell', seconds);
    }
  };
  on(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') reportDwell();
    else visibleSince = Date.now();
  });
  on(win, 'pagehide', reportDwell);

  // ---- the lead form
  const form = doc.getElementById(LANDING_IDS.form);
  if (form instanceof win.HTMLFormElement) {
    const status = doc.getElementById(LANDING_IDS.status);
    const submit = doc.getElementById(LANDING_IDS.submit) as HTMLButtonElement | null;
    const field = (name: LeadField) => doc.getElementById(fieldId(name)) as HTMLInputElement | null;
    let idempotencyKey = newIdempotencyKey();
    let sending = false;
    let opened = false;

    form.noValidate = true; // our messages, in Chinese, next to each field
    on(form, 'focusin', () => {
      if (opened) return;
      opened = true;
      sendEvent('form_open');
    });

    const showErrors = (errors: Partial<Record<LeadField, string>>): void => {
      for (const name of LEAD_FIELDS) {
        const message = errors[name] ?? '';
        const errorEl = doc.getElementById(fieldErrorId(name));
        if (errorEl) errorEl.textContent = message;
        const input = field(name);
        if (!input) continue;
        if (message) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    };

    const send = async (body: unknown): Promise<Response> => {
      try {
        return await postJson(leadsUrl, body);
      } catch {
        await sleep(retryDelayMs);
        return postJson(leadsUrl, body); // once more, same idempotency key
      }
    };

    const submitLead = async (): Promise<void> => {
      const values = {
        name: field('name')?.value ?? '',
        phone: field('phone')?.value ?? '',
        message: field('message')?.value ?? '',
        consent: field('consent')?.checked ?? false,
      };
      const errors = validateLeadForm(values);
      showErrors(errors);
      const firstInvalid = LEAD_FIELDS.find((name) => errors[name]);
      if (firstInvalid) {
        setStatus(status, MESSAGES.checkFields, 'bad');
        field(firstInvalid)?.focus();
        return;
      }

      const message = values.message.trim();
      const body = {
        shareCode,
        name: values.name.trim(),
        phone: normalizePhone(values.phone) ?? values.phone,
        consent: true as const,
        ...(message ? { message } : {}),
        idempotencyKey,
        ...(visitorId ? { visitorId } : {}),
      };

      sending = true;
      if (submit) submit.disabled = true;
      setStatus(status, MESSAGES.sending);
      try {
        const res = await send(body);
        if (res.ok) {
          setStatus(status, MESSAGES.success, 'ok');
          form.reset();
          idempotencyKey = newIdempotencyKey(); // a new fill from here on
        } else {
          const error = (await res.json().catch(() => null)) as { message?: unknown } | null;
          setStatus(status, typeof error?.message === 'string' ? error.message : MESSAGES.failed, 'bad');
          // The server refused it, nothing was created: an edited fill gets a new key. 5xx: outcome unknown, keep it.
          if (res.status < 500) idempotencyKey = newIdempotencyKey();
        }
      } catch {
        setStatus(status, MESSAGES.offline, 'bad');
      } finally {
        sending = false;
        if (submit) submit.disabled = false;
      }
    };

    on(form, 'submit', (event) => {
      event.preventDefault();
      if (!sending) void submitLead();
    });
  }

  // ---- 分享给朋友: a child share of this one, through the system share sheet or the clipboard
  const reshare = doc.getElementById(LANDING_IDS.reshare) as HTMLButtonElement | null;
  if (reshare && reshareUrl) {
    const reshareStatus = doc.getElementById(LANDING_IDS.reshareStatus);
    let shareLink: string | null = null;

    const copy = async (url: string): Promise<void> => {
      try {
        await win.navigator.clipboard.writeText(url);
        setStatus(reshareStatus, MESSAGES.copied + url, 'ok');
      } catch {
        setStatus(reshareStatus, MESSAGES.copyByHand + url);
      }
    };

    on(reshare, 'click', () => {
      reshare.disabled = true;
      void (async () => {
        try {
          if (!shareLink) {
            const res = await postJson(reshareUrl, visitorId ? { visitorId } : {});
            if (!res.ok) throw new Error(String(res.status));
            const share = (await res.json()) as { url: string };
            shareLink = new URL(share.url, win.location.href).href;
          }
          if (typeof win.navigator.share === 'function') {
            try {
              await win.navigator.share({ title, url: shareLink });
              return;
            } catch (error) {
              if ((error as { name?: string }).name === 'AbortError') return; // closed the share sheet
            }
          }
          await copy(shareLink);
        } catch {
          setStatus(reshareStatus, MESSAGES.reshareFailed, 'bad');
        } finally {
          reshare.disabled = false;
        }
      })();
    });
    reshare.hidden = false;
  }

  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

import { LANDING_IDS } from './dom-ids';
import { sendEvents, trackReading } from './client-beacons';
import { LeadFormController } from './client-lead-form';
import type { Listen } from './client-listen';
import { Outbox } from './client-outbox';
import { LeadStore, browserStorage, cookieMarker } from './client-storage';
import { isMiniProgram, isWeChat, loadWechatSdk, setUpWechatShare, WECHAT_SDK_URL } from './client-wechat';

/**
 * Progressive enhancement of the server-rendered landing pages, plain DOM. The pages are readable and the form
 * posts without it; with it: validation as you type, leads that survive a lost network (kept with their
 * idempotency key and retried until the server answers), the confirmation in place of the form, the returning
 * visitor's greeting, dwell and read-depth beacons, copy-to-clipboard, and sharing as each browser does it.
 */
export { newIdempotencyKey } from './client-lead-form';

export interface LandingClientOptions {
  /** Pauses between retries of unsent leads. */
  retryDelaysMs?: readonly number[];
  wechatSdkUrl?: string;
}

const MESSAGES = {
  reshareFailed: '生成分享链接失败，请稍后再试',
  copied: '链接已复制，发给朋友即可：',
  copyByHand: '请复制链接发给朋友：',
  wechatCopied: '已复制微信号，打开微信添加好友即可',
  copyFailed: '复制失败，请长按微信号手动复制',
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

/** Clipboard API where there is one; the old select-and-copy in WeChat's older web views. */
async function copyText(win: Window, text: string): Promise<boolean> {
  try {
    await win.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const doc = win.document;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

function setStatus(el: Element | null, text: string, state?: 'ok' | 'bad'): void {
  if (!el) return;
  el.textContent = text;
  el.className = state ?? '';
}

/** Sets up the page; returns a function removing every listener and timer it added. */
export function initLanding(doc: Document, options: LandingClientOptions = {}): () => void {
  const root = doc.getElementById(LANDING_IDS.root);
  const win = doc.defaultView;
  if (!root || !win) return () => undefined;

  const { shareCode = '', pageKey = shareCode, leadsUrl = '', eventsUrl = '', reshareUrl = '', jssdkUrl = '', title = doc.title, summary = '', cover = '' } = root.dataset;
  // Reading document.cookie is a synchronous round trip to the browser (5–10 ms on a busy phone): only when needed.
  let visitor: { id: string | undefined } | null = null;
  const visitorId = (): string | undefined => (visitor ??= { id: readVisitorId(doc.cookie) }).id;
  const cleanups: Array<() => void> = [];
  const on: Listen = (target, type, listener, opts) => {
    target.addEventListener(type, listener, opts);
    cleanups.push(() => target.removeEventListener(type, listener, opts));
  };
  const postJson = (url: string, body: unknown): Promise<Response> =>
    win.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const beaconTarget = {
    eventsUrl,
    shareCode,
    get visitorId() {
      return visitorId();
    },
  };

  // ---- reading: dwell time and read depth
  if (shareCode) trackReading(win, beaconTarget, on);

  // ---- the CTA bar: hidden while the form is in view, and for good once the lead is sent
  const bar = doc.getElementById(LANDING_IDS.bar);
  const lead = doc.getElementById(LANDING_IDS.lead);
  let barDone = false;
  if (bar && lead && typeof win.IntersectionObserver === 'function') {
    const observer = new win.IntersectionObserver((entries) => {
      if (!barDone) bar.hidden = entries.some((entry) => entry.isIntersecting);
    });
    observer.observe(lead);
    cleanups.push(() => observer.disconnect());
  }

  // ---- the lead form and the outbox of unsent leads (this page's and earlier visits' on any page)
  const store = new LeadStore(() => browserStorage(win), cookieMarker(doc));
  let controller: LeadFormController | null = null;
  const outbox = new Outbox(win, store, {
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    onResult: (entry, result) => controller?.onResult(entry, result),
  });
  cleanups.push(() => outbox.stop());
  if (lead && shareCode) {
    controller = new LeadFormController({
      doc,
      store,
      outbox,
      pageKey,
      shareCode,
      leadsUrl,
      visitorId,
      onFormOpen: () => sendEvents(win, beaconTarget, [{ type: 'form_open' }]),
      onSent: () => {
        barDone = true;
        if (bar) bar.hidden = true;
      },
    });
    controller.start(on);
  }
  const retry = (): void => {
    if (store.hasData() && outbox.pending().length) void outbox.flush();
  };
  on(win, 'online', retry);
  on(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') retry();
  });
  // What this device remembers (a pending lead, details already left) in a task of its own, after start-up:
  // each task stays short, so the page answers taps at once.
  const later = setTimeout(() => {
    if (!store.hasData()) return;
    controller?.restore();
    if (outbox.pending().length) void outbox.flushIfIdle();
  }, 0);
  cleanups.push(() => clearTimeout(later));

  // ---- copy the WeChat ID
  const copyStatus = doc.getElementById('copy-status');
  for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
    on(button, 'click', () => {
      void copyText(win, button.dataset.copy ?? '').then((ok) => setStatus(copyStatus, ok ? MESSAGES.wechatCopied : MESSAGES.copyFailed, ok ? 'ok' : 'bad'));
    });
  }

  // ---- sharing: WeChat's menu (with the JS-SDK), back to the mini-program, or the browser's share sheet
  const box = doc.getElementById('share-box');
  const reshare = doc.getElementById(LANDING_IDS.reshare) as HTMLButtonElement | null;
  const back = doc.getElementById(LANDING_IDS.back) as HTMLButtonElement | null;
  const hint = doc.getElementById(LANDING_IDS.shareHint);
  const reshareStatus = doc.getElementById(LANDING_IDS.reshareStatus);
  let childShare: Promise<string | null> | null = null;
  /** This visitor's child share of this one (made once per page view). */
  const childShareUrl = (): Promise<string | null> =>
    (childShare ??= (async () => {
      if (!reshareUrl) return null;
      const id = visitorId();
      const res = await postJson(reshareUrl, id ? { visitorId: id } : {});
      if (!res.ok) throw new Error(String(res.status));
      const share = (await res.json()) as { url: string };
      return new URL(share.url, win.location.href).href;
    })().catch(() => {
      childShare = null;
      return null;
    }));

  const showShare = (button: HTMLElement | null): void => {
    if (!box || !button) return;
    button.hidden = false;
    box.hidden = false;
  };

  if (isWeChat(win.navigator.userAgent)) {
    const sdk = loadWechatSdk(win, options.wechatSdkUrl ?? WECHAT_SDK_URL);
    const inMiniProgram = (): void => {
      if (!back || !isMiniProgram(win)) return;
      if (reshare) reshare.hidden = true;
      if (hint) hint.hidden = true;
      showShare(back);
    };
    inMiniProgram();
    on(doc, 'WeixinJSBridgeReady', inMiniProgram);
    if (back) on(back, 'click', () => void sdk.then((wx) => wx.miniProgram?.navigateBack({ delta: 1 })).catch(() => undefined));
    void sdk
      .then((wx) => {
        inMiniProgram();
        if (isMiniProgram(win) || !jssdkUrl) return undefined;
        if (reshare) {
          on(reshare, 'click', () => {
            if (hint) hint.hidden = false;
          });
          showShare(reshare);
        }
        return setUpWechatShare(win, wx, { jssdkUrl, title, summary, cover, childShareUrl });
      })
      .catch(() => undefined); // no SDK or no signature: WeChat shares the page itself, still attributed
  } else if (reshare && reshareUrl) {
    on(reshare, 'click', () => {
      reshare.disabled = true;
      void (async () => {
        try {
          const link = await childShareUrl();
          if (!link) throw new Error('no link');
          if (typeof win.navigator.share === 'function') {
            try {
              await win.navigator.share({ title, url: link });
              return;
            } catch (error) {
              if ((error as { name?: string }).name === 'AbortError') return; // closed the share sheet
            }
          }
          const ok = await copyText(win, link);
          setStatus(reshareStatus, (ok ? MESSAGES.copied : MESSAGES.copyByHand) + link, ok ? 'ok' : undefined);
        } catch {
          setStatus(reshareStatus, MESSAGES.reshareFailed, 'bad');
        } finally {
          reshare.disabled = false;
        }
      })();
    });
    showShare(reshare);
  }

  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

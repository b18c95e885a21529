// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initLanding, readVisitorId } from './client';
import { STORAGE_KEYS } from './dom-ids';
import { renderLandingPage } from './landing-page';
import type { LandingPageData } from './landing-model';
import { buildLandingPageData } from './testing/landing-page.factory';

const VISITOR_ID = 'v_0123456789abcdefXYZ';
const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50';

interface Call {
  url: string;
  method: string;
  body: Record<string, unknown> | null;
}

let dispose: () => void = () => undefined;
let calls: Call[] = [];
/** Answers to POST /api/public/leads, in order; an Error is a network failure; when empty: 201. */
let leadAnswers: Array<Response | Error> = [];
let routes: Record<string, () => Response> = {};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function stubFetch(): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null });
      if (url === '/api/public/leads') {
        const answer = leadAnswers.shift() ?? jsonResponse(201, { ok: true });
        if (answer instanceof Error) throw answer;
        return answer;
      }
      const route = Object.entries(routes).find(([prefix]) => url.startsWith(prefix));
      return route ? route[1]() : jsonResponse(404, {});
    }),
  );
}

function loadPage(overrides: Partial<LandingPageData> = {}): void {
  const html = renderLandingPage(buildLandingPageData(overrides));
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  dispose = initLanding(document, { retryDelaysMs: [20] });
}

/** A reload: the listeners and timers of the old page go, the page is rendered again, storage stays. */
async function reload(overrides: Partial<LandingPageData> = {}): Promise<void> {
  dispose();
  loadPage(overrides);
  await new Promise((resolve) => setTimeout(resolve, 0)); // the script restores in a task after start-up
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const text = (id: string) => document.getElementById(id)?.textContent ?? '';
const visible = (id: string) => !document.getElementById(id)!.hidden;
const leadCalls = () => calls.filter((c) => c.url === '/api/public/leads');

function type(name: string, value: string): void {
  const el = input(name);
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function fillValid(): void {
  type('name', ' 李雷 ');
  type('phone', '+86 139-8888-7777');
  input('consent').checked = true;
  input('consent').dispatchEvent(new Event('change', { bubbles: true }));
}

const submit = () => document.getElementById('lead-form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));

/** jsdom's Blob has no .text(). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

beforeEach(() => {
  calls = [];
  leadAnswers = [];
  routes = {};
  localStorage.clear();
  document.cookie = 'fj_ls=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  document.cookie = `fj_vid=${VISITOR_ID}; path=/`;
  vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true) });
  stubFetch();
});

afterEach(() => {
  dispose();
  vi.unstubAllGlobals();
  delete (window as { wx?: unknown }).wx;
  delete (window as { __wxjs_environment?: unknown }).__wxjs_environment;
  document.cookie = 'fj_vid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('landing client: validation as the user types', () => {
  it('checks a field once it was left, and clears the message as soon as it is right', () => {
    loadPage();
    type('phone', '1380013');
    expect(text('lead-phone-err')).toBe(''); // still typing
    input('phone').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(text('lead-phone-err')).toBe('手机号格式不正确');
    expect(input('phone').getAttribute('aria-invalid')).toBe('true');
    type('phone', '13800138000');
    expect(text('lead-phone-err')).toBe('');
    expect(input('phone').hasAttribute('aria-invalid')).toBe(false);
  });

  it('does not flag an empty field passed through, and flags the extra fields over their limits', () => {
    loadPage();
    input('name').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(text('lead-name-err')).toBe('');
    type('preferred_time', '时'.repeat(31));
    input('preferred_time').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(text('lead-preferred_time-err')).toBe('联系时间最多 30 字');
  });

  it('on submit, shows every message, focuses the first wrong field and sends nothing', async () => {
    loadPage();
    type('name', '李雷');
    type('phone', '12345');
    submit();
    await Promise.resolve();
    expect(text('lead-phone-err')).toBe('手机号格式不正确');
    expect(text('lead-consent-err')).toBe('请阅读并同意隐私政策');
    expect(document.activeElement).toBe(input('phone'));
    expect(text('lead-status')).toBe('请按提示修改后再发送');
    expect(leadCalls()).toHaveLength(0);
  });
});

describe('landing client: sending a lead', () => {
  it('posts the lead as JSON with an idempotency key, the consent version and the extra fields', async () => {
    loadPage();
    fillValid();
    type('message', '周末上午方便');
    type('preferred_time', '工作日晚上');
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    expect(leadCalls()).toHaveLength(1);
    const { idempotencyKey, ...rest } = leadCalls()[0]!.body!;
    expect(rest).toEqual({
      shareCode: 'Xy7Qk2Lm9PaB',
      name: '李雷',
      phone: '13988887777',
      consent: true,
      message: '周末上午方便',
      fields: { preferred_time: '工作日晚上' },
      visitorId: VISITOR_ID,
      consentVersion: '2026-12-01',
    });
    expect(idempotencyKey).toMatch(/^[0-9A-Za-z_-]{8,64}$/);
  });

  it('replaces the form with the confirmation naming who and the masked number; a second submit is impossible', async () => {
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    expect(text('lead-done')).toContain('王小明会在 1 个工作日内通过 139****7777 与您联系');
    expect(visible('lead-fill')).toBe(false);
    expect(document.getElementById('lead-form')).toBeNull();
    expect(document.getElementById('lead-submit')).toBeNull();
    expect(document.getElementById('cta-bar')!.hidden).toBe(true);
    document.querySelector<HTMLAnchorElement>('.cta .btn')!.click(); // the call to action jumps to the confirmation
    expect(leadCalls()).toHaveLength(1);
  });

  it("uses the submitter's signed 不再联系 link from the answer, on this page and on a later visit", async () => {
    leadAnswers = [jsonResponse(201, { ok: true, optOutUrl: '/opt-out?t=signed_token_0123456789' })];
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    const signed = `${location.origin}/opt-out?t=signed_token_0123456789`;
    expect(document.querySelector<HTMLAnchorElement>('#lead-done-optout')!.href).toBe(signed);
    expect(document.querySelector<HTMLAnchorElement>('footer a[data-optout]')!.href).toBe(signed);
    await reload();
    expect(document.querySelector<HTMLAnchorElement>('footer a[data-optout]')!.href).toBe(signed);
  });

  it('ignores an opt-out link to another site', async () => {
    leadAnswers = [jsonResponse(201, { ok: true, optOutUrl: 'https://evil.example.com/x' })];
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    expect(document.querySelector<HTMLAnchorElement>('#lead-done-optout')!.getAttribute('href')).toBe('/opt-out');
  });

  it("shows the server's refusal next to the form, keeps what was typed, and forgets the entry", async () => {
    leadAnswers = [jsonResponse(400, { statusCode: 400, code: 'PHONE_INVALID', message: '手机号格式不正确' })];
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(text('lead-status')).toBe('手机号格式不正确'));
    expect(visible('lead-fill')).toBe(true);
    expect(input('name').value).toBe('李雷');
    expect((document.getElementById('lead-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.outbox)!)).toEqual([]);
  });
});

describe('landing client: never losing a lead', () => {
  it('offline: keeps the entry with its key, shows it is pending, and sends it once when back online', async () => {
    leadAnswers = [new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch')];
    loadPage();
    // No automatic retries in this test: only `online` may send it.
    dispose();
    dispose = initLanding(document, { retryDelaysMs: [60_000] });
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-pending')).toBe(true));
    expect(visible('lead-fill')).toBe(false);
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEYS.outbox)!) as Array<{ body: { idempotencyKey: string; name: string } }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.body.name).toBe('李雷');
    leadAnswers = [jsonResponse(201, { ok: true })];
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    const keys = leadCalls().map((c) => c.body!.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.outbox)!)).toEqual([]);
  });

  it('retries on its own after a server error, with the same key', async () => {
    leadAnswers = [jsonResponse(503, { statusCode: 503, code: 'DB_UNAVAILABLE', message: '服务繁忙' }), new TypeError('Failed to fetch'), jsonResponse(201, { ok: true })];
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    expect(leadCalls()).toHaveLength(3);
    expect(new Set(leadCalls().map((c) => c.body!.idempotencyKey)).size).toBe(1);
  });

  it('after a reload: shows the entry as pending and sends it, same key, then confirms', async () => {
    leadAnswers = [new TypeError('Failed to fetch')];
    loadPage();
    dispose();
    dispose = initLanding(document, { retryDelaysMs: [60_000] });
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-pending')).toBe(true));
    const key = leadCalls()[0]!.body!.idempotencyKey;
    let release: (r: Response) => void = () => undefined;
    leadAnswers = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, method: init.method ?? 'GET', body: JSON.parse(String(init.body)) as Record<string, unknown> });
        return new Promise<Response>((resolve) => (release = resolve));
      }),
    );
    await reload();
    expect(visible('lead-pending')).toBe(true); // before any answer: the page says it is pending
    expect(input('name').value).toBe('李雷');
    await vi.waitFor(() => expect(leadCalls()).toHaveLength(2));
    release(jsonResponse(201, { ok: true }));
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    expect(leadCalls()[1]!.body!.idempotencyKey).toBe(key);
  });

  it('on a later visit to another page: sends what is left from before, and that page remembers it', async () => {
    leadAnswers = [new TypeError('Failed to fetch')];
    loadPage();
    dispose();
    dispose = initLanding(document, { retryDelaysMs: [60_000] });
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-pending')).toBe(true));
    const key = leadCalls()[0]!.body!.idempotencyKey;
    const other = buildLandingPageData();
    await reload({ shareCode: 'Other0000001', content: { ...other.content, id: '01JDOTHER00000000000000000' } });
    await vi.waitFor(() => expect(leadCalls()).toHaveLength(2));
    expect(leadCalls()[1]!.body!.idempotencyKey).toBe(key);
    expect(leadCalls()[1]!.body!.shareCode).toBe('Xy7Qk2Lm9PaB');
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.outbox)!)).toEqual([]));
    expect(visible('lead-fill')).toBe(true); // this page's own form is untouched
    await reload();
    expect(visible('lead-returning')).toBe(true); // the first page greets them
  });

  it('does not open localStorage at start-up on a device that never left details (its first read blocks)', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    try {
      loadPage();
      expect(getItem).not.toHaveBeenCalled();
    } finally {
      getItem.mockRestore();
    }
  });

  it('greets a returning visitor, who may still fill it in again', async () => {
    loadPage();
    fillValid();
    submit();
    await vi.waitFor(() => expect(visible('lead-done')).toBe(true));
    await reload();
    expect(visible('lead-returning')).toBe(true);
    expect(visible('lead-fill')).toBe(false);
    expect(text('lead-returning')).toContain('您已留过联系方式');
    document.getElementById('lead-again')!.click();
    expect(visible('lead-fill')).toBe(true);
    expect(document.activeElement).toBe(input('name'));
  });
});

describe('landing client: beacons', () => {
  it('reports form_open once, on the first focus in the form', async () => {
    loadPage();
    input('name').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    input('phone').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const beacon = vi.mocked(navigator.sendBeacon);
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await readBlob(beacon.mock.calls[0]![1] as Blob))).toEqual({ type: 'form_open', shareCode: 'Xy7Qk2Lm9PaB', visitorId: VISITOR_ID });
  });

  it('sends dwell time and read depth together when the page is hidden, only what grew', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      loadPage();
      Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 });
      const win = document.defaultView as Window & { innerHeight: number; scrollY: number };
      Object.defineProperty(win, 'innerHeight', { configurable: true, value: 800 });
      Object.defineProperty(win, 'scrollY', { configurable: true, value: 1200 });
      vi.advanceTimersByTime(42_000);
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      const beacon = vi.mocked(navigator.sendBeacon);
      expect(beacon.mock.calls[0]![0]).toBe('/api/public/events');
      expect(JSON.parse(await readBlob(beacon.mock.calls[0]![1] as Blob))).toEqual({
        events: [
          { type: 'dwell', shareCode: 'Xy7Qk2Lm9PaB', visitorId: VISITOR_ID, value: 42 },
          { type: 'read_depth', shareCode: 'Xy7Qk2Lm9PaB', visitorId: VISITOR_ID, value: 50 },
        ],
      });
      window.dispatchEvent(new Event('pagehide'));
      expect(beacon).toHaveBeenCalledTimes(1); // nothing grew
    } finally {
      vi.useRealTimers();
      delete (document as { visibilityState?: string }).visibilityState;
      delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
    }
  });
});

describe('landing client: sharing and contact', () => {
  it('outside WeChat: never loads the SDK; 分享给朋友 shares a new child link through the share sheet', async () => {
    const share = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), share });
    routes['/api/public/shares/'] = () => jsonResponse(201, { code: 'Child12345', url: '/s/Child12345' });
    loadPage();
    expect(document.querySelector('script[src*="res.wx.qq.com"]')).toBeNull();
    expect(calls.some((c) => c.url.startsWith('/api/public/wechat/jssdk'))).toBe(false);
    const button = document.querySelector<HTMLButtonElement>('#reshare')!;
    expect(button.hidden).toBe(false);
    expect(document.getElementById('back-to-app')!.hidden).toBe(true);
    button.click();
    await vi.waitFor(() => expect(share).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'POST' && c.url.includes('reshare'))).toEqual([{ url: '/api/public/shares/Xy7Qk2Lm9PaB/reshare', method: 'POST', body: { visitorId: VISITOR_ID } }]);
    expect(share).toHaveBeenCalledWith({ title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器', url: `${location.origin}/s/Child12345` });
  });

  it('copies the WeChat ID and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), clipboard: { writeText } });
    loadPage();
    document.querySelector<HTMLButtonElement>('button[data-copy]')!.click();
    await vi.waitFor(() => expect(text('copy-status')).toBe('已复制微信号，打开微信添加好友即可'));
    expect(writeText).toHaveBeenCalledWith('wang_xm88');
  });

  it("in WeChat: signs the page URL without #, configures the SDK, and shares the customer's own child link", async () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), userAgent: WECHAT_UA });
    history.replaceState(null, '', '/s/Xy7Qk2Lm9PaB?from=singlemessage#lead');
    const wx = { config: vi.fn(), ready: vi.fn((cb: () => void) => cb()), error: vi.fn(), updateAppMessageShareData: vi.fn(), updateTimelineShareData: vi.fn() };
    (window as { wx?: unknown }).wx = wx;
    routes['/api/public/wechat/jssdk'] = () => jsonResponse(200, { appId: 'wx0123456789abcdef', timestamp: 1767225600, nonceStr: 'n0nce', signature: 'f'.repeat(40) });
    routes['/api/public/shares/'] = () => jsonResponse(201, { code: 'Child12345', url: 'https://m.example.com/s/Child12345' });
    loadPage();
    await vi.waitFor(() => expect(wx.updateTimelineShareData).toHaveBeenCalled());
    expect(calls.find((c) => c.url.startsWith('/api/public/wechat/jssdk'))!.url).toBe(`/api/public/wechat/jssdk?url=${encodeURIComponent(`${location.origin}/s/Xy7Qk2Lm9PaB?from=singlemessage`)}`);
    expect(wx.config).toHaveBeenCalledWith({ debug: false, appId: 'wx0123456789abcdef', timestamp: 1767225600, nonceStr: 'n0nce', signature: 'f'.repeat(40), jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] });
    const shared = {
      title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器',
      link: 'https://m.example.com/s/Child12345',
      imgUrl: `${location.origin}/media/01JDCOVER00000000000000000/640.jpg`,
    };
    expect(wx.updateAppMessageShareData).toHaveBeenCalledWith({ ...shared, desc: '从自来水的“最后一公里”讲起，教你看懂自家水质，选到合适的净水设备。' });
    expect(wx.updateTimelineShareData).toHaveBeenCalledWith(shared);
    // The share button points to WeChat's own menu.
    document.querySelector<HTMLButtonElement>('#reshare')!.click();
    expect(document.getElementById('share-hint')!.hidden).toBe(false);
    history.replaceState(null, '', '/');
  });

  it('in WeChat without a signature (503): no config, the page works, nothing thrown', async () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), userAgent: WECHAT_UA });
    const wx = { config: vi.fn(), ready: vi.fn(), error: vi.fn(), updateAppMessageShareData: vi.fn(), updateTimelineShareData: vi.fn() };
    (window as { wx?: unknown }).wx = wx;
    routes['/api/public/wechat/jssdk'] = () => jsonResponse(503, { code: 'WECHAT_NOT_CONFIGURED' });
    loadPage();
    await vi.waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/public/wechat/jssdk'))).toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(wx.config).not.toHaveBeenCalled();
  });

  it("in the mini-program's web-view: 返回小程序 instead of a share button", async () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), userAgent: `${WECHAT_UA} miniProgram` });
    (window as { __wxjs_environment?: string }).__wxjs_environment = 'miniprogram';
    const navigateBack = vi.fn();
    (window as { wx?: unknown }).wx = { config: vi.fn(), ready: vi.fn(), error: vi.fn(), updateAppMessageShareData: vi.fn(), updateTimelineShareData: vi.fn(), miniProgram: { navigateBack } };
    loadPage();
    const back = document.getElementById('back-to-app')!;
    await vi.waitFor(() => expect(back.hidden).toBe(false));
    expect(document.getElementById('reshare')!.hidden).toBe(true);
    expect(calls.some((c) => c.url.startsWith('/api/public/wechat/jssdk'))).toBe(false);
    back.click();
    await vi.waitFor(() => expect(navigateBack).toHaveBeenCalledWith({ delta: 1 }));
  });
});

describe('readVisitorId', () => {
  it('reads a well-formed fj_vid cookie only', () => {
    expect(readVisitorId(`a=1; fj_vid=${VISITOR_ID}; b=2`)).toBe(VISITOR_ID);
    expect(readVisitorId('fj_vid=short')).toBeUndefined();
    expect(readVisitorId('other=1')).toBeUndefined();
  });
});

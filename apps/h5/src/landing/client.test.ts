// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initLanding, readVisitorId } from './client';
import { renderLandingPage } from './landing-page';
import { buildLandingPageData } from './testing/landing-page.factory';

const VISITOR_ID = 'v_0123456789abcdefXYZ';

interface Call {
  url: string;
  body: Record<string, unknown>;
}

let dispose: () => void = () => undefined;
let calls: Call[] = [];

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Mocks fetch with the given answers, in order; an Error is a network failure. */
function mockFetch(...answers: Array<Response | Error>): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      const answer = answers.shift() ?? jsonResponse(500, {});
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  );
}

function loadPage(): void {
  const html = renderLandingPage(buildLandingPageData());
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  document.cookie = `fj_vid=${VISITOR_ID}; path=/`;
  dispose = initLanding(document, { retryDelayMs: 0 });
}

/** jsdom's Blob has no .text(). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const text = (id: string) => document.getElementById(id)!.textContent;
const submit = () => document.getElementById('lead-submit')!.click();

function fill(values: { name?: string; phone?: string; message?: string; consent?: boolean }): void {
  if (values.name !== undefined) input('name').value = values.name;
  if (values.phone !== undefined) input('phone').value = values.phone;
  if (values.message !== undefined) document.querySelector<HTMLTextAreaElement>('[name="message"]')!.value = values.message;
  if (values.consent !== undefined) input('consent').checked = values.consent;
}

beforeEach(() => {
  calls = [];
  vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true) });
});

afterEach(() => {
  dispose();
  vi.unstubAllGlobals();
  document.cookie = 'fj_vid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('landing client: lead form', () => {
  it('does not send without consent, and says why next to the box', async () => {
    mockFetch(jsonResponse(201, {}));
    loadPage();
    fill({ name: '李雷', phone: '13800138000', consent: false });
    submit();
    await Promise.resolve();
    expect(text('lead-consent-err')).toBe('请阅读并同意隐私政策');
    expect(input('consent').getAttribute('aria-invalid')).toBe('true');
    expect(text('lead-name-err')).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('flags an invalid phone number and sends nothing', async () => {
    mockFetch(jsonResponse(201, {}));
    loadPage();
    fill({ name: '李雷', phone: '12345', consent: true });
    submit();
    await Promise.resolve();
    expect(text('lead-phone-err')).toBe('手机号格式不正确');
    expect(document.activeElement).toBe(input('phone'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('posts the lead as JSON with an idempotency key and the visitor id, then confirms', async () => {
    mockFetch(jsonResponse(201, { ok: true }));
    loadPage();
    fill({ name: ' 李雷 ', phone: '+86 138-0013-8000', message: '周末上午方便', consent: true });
    submit();
    await vi.waitFor(() => expect(text('lead-status')).toBe('提交成功，我们会尽快与您联系'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/public/leads');
    const { idempotencyKey, ...rest } = calls[0]!.body;
    expect(rest).toEqual({
      shareCode: 'Xy7Qk2Lm9PaB',
      name: '李雷',
      phone: '13800138000',
      consent: true,
      message: '周末上午方便',
      visitorId: VISITOR_ID,
    });
    expect(idempotencyKey).toMatch(/^[0-9A-Za-z_-]{8,64}$/);
    expect(vi.mocked(fetch).mock.calls[0]![1]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(input('name').value).toBe('');
    expect(input('consent').checked).toBe(false);
  });

  it('retries once on a network failure with the same idempotency key', async () => {
    mockFetch(new TypeError('Failed to fetch'), jsonResponse(201, {}));
    loadPage();
    fill({ name: '韩梅梅', phone: '13912345678', consent: true });
    submit();
    await vi.waitFor(() => expect(text('lead-status')).toBe('提交成功，我们会尽快与您联系'));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.idempotencyKey).toBe(calls[0]!.body.idempotencyKey);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
  });

  it('gives up after one retry and says the network failed', async () => {
    mockFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), jsonResponse(201, {}));
    loadPage();
    fill({ name: '韩梅梅', phone: '13912345678', consent: true });
    submit();
    await vi.waitFor(() => expect(text('lead-status')).toBe('网络异常，请检查网络后重试'));
    expect(calls).toHaveLength(2);
    expect(document.querySelector<HTMLButtonElement>('#lead-submit')!.disabled).toBe(false);
  });

  it("shows the server's message and keeps what was typed", async () => {
    mockFetch(jsonResponse(429, { statusCode: 429, code: 'RATE_LIMITED', message: '提交太频繁，请稍后再试' }));
    loadPage();
    fill({ name: '韩梅梅', phone: '13912345678', consent: true });
    submit();
    await vi.waitFor(() => expect(text('lead-status')).toBe('提交太频繁，请稍后再试'));
    expect(input('name').value).toBe('韩梅梅');
  });

  it('disables the button while sending and ignores a second submit', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
        return new Promise<Response>((resolve) => (answer = resolve));
      }),
    );
    loadPage();
    fill({ name: '韩梅梅', phone: '13912345678', consent: true });
    submit();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const button = document.querySelector<HTMLButtonElement>('#lead-submit')!;
    expect(button.disabled).toBe(true);
    document.getElementById('lead-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    answer(jsonResponse(201, {}));
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    expect(calls).toHaveLength(1);
  });
});

describe('landing client: events and re-sharing', () => {
  it('reports form_open once, on the first focus in the form', () => {
    mockFetch();
    loadPage();
    input('name').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    input('phone').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const beacon = vi.mocked(navigator.sendBeacon);
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(beacon.mock.calls[0]![0]).toBe('/api/public/events');
  });

  it('sends the dwell time when the page is hidden', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      mockFetch();
      loadPage();
      vi.advanceTimersByTime(42_000);
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      const [url, blob] = vi.mocked(navigator.sendBeacon).mock.calls[0]!;
      expect(url).toBe('/api/public/events');
      expect(JSON.parse(await readBlob(blob as Blob))).toEqual({
        type: 'dwell',
        shareCode: 'Xy7Qk2Lm9PaB',
        visitorId: VISITOR_ID,
        value: 42,
      });
    } finally {
      vi.useRealTimers();
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  it('shows 分享给朋友 and shares a new child link through the share sheet', async () => {
    const share = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), share });
    mockFetch(jsonResponse(201, { code: 'Child12345', url: '/s/Child12345' }));
    loadPage();
    const button = document.querySelector<HTMLButtonElement>('#reshare')!;
    expect(button.hidden).toBe(false);
    button.click();
    await vi.waitFor(() => expect(share).toHaveBeenCalled());
    expect(calls).toEqual([{ url: '/api/public/shares/Xy7Qk2Lm9PaB/reshare', body: { visitorId: VISITOR_ID } }]);
    expect(share).toHaveBeenCalledWith({
      title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器',
      url: `${location.origin}/s/Child12345`,
    });
  });

  it('copies the link when there is no share sheet, and shows it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: vi.fn(() => true), share: undefined, clipboard: { writeText } });
    mockFetch(jsonResponse(201, { code: 'Child12345', url: 'https://fenji.example.com/s/Child12345' }));
    loadPage();
    document.querySelector<HTMLButtonElement>('#reshare')!.click();
    await vi.waitFor(() => expect(text('reshare-status')).toContain('https://fenji.example.com/s/Child12345'));
    expect(writeText).toHaveBeenCalledWith('https://fenji.example.com/s/Child12345');
    expect(text('reshare-status')).toBe('链接已复制，发给朋友即可：https://fenji.example.com/s/Child12345');
  });
});

describe('readVisitorId', () => {
  it('reads a well-formed fj_vid cookie only', () => {
    expect(readVisitorId(`a=1; fj_vid=${VISITOR_ID}; b=2`)).toBe(VISITOR_ID);
    expect(readVisitorId('fj_vid=short')).toBeUndefined();
    expect(readVisitorId('other=1')).toBeUndefined();
  });
});

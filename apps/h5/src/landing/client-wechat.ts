/**
 * Inside WeChat's browser only (its User-Agent says MicroMessenger; other browsers never load the SDK):
 * load WeChat's JS-SDK, sign this page's URL through the API, and set what a share from WeChat's menu carries —
 * the customer's own child share (a re-share in the chain) with the content's title, summary and cover.
 * Inside the mini-program's web-view there is nothing to share from the page: offer 返回小程序 instead.
 */

export const WECHAT_SDK_URL = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';

interface ShareData {
  title: string;
  desc?: string;
  link: string;
  imgUrl: string;
  success?: () => void;
}

/** The part of WeChat's `wx` object the page uses. */
export interface WechatSdk {
  config(options: { debug: boolean; appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList: string[] }): void;
  ready(callback: () => void): void;
  error(callback: (error: unknown) => void): void;
  updateAppMessageShareData(data: ShareData): void;
  updateTimelineShareData(data: ShareData): void;
  miniProgram?: { navigateBack(options?: { delta?: number }): void; getEnv?(callback: (env: { miniprogram: boolean }) => void): void };
}

type WechatWindow = Window & { wx?: WechatSdk; __wxjs_environment?: string };

export const isWeChat = (userAgent: string): boolean => /MicroMessenger/i.test(userAgent);

/** In the mini-program's web-view: set by WeChat (the SDK, or the bridge), or said by newer User-Agents. */
export const isMiniProgram = (win: Window): boolean => (win as WechatWindow).__wxjs_environment === 'miniprogram' || /miniProgram/i.test(win.navigator.userAgent);

/** The SDK, loaded once; an already present `wx` (tests, or the web-view's own) is used as is. */
export function loadWechatSdk(win: Window, src = WECHAT_SDK_URL, timeoutMs = 10_000): Promise<WechatSdk> {
  const existing = (win as WechatWindow).wx;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    script.src = src;
    script.async = true;
    script.onload = () => {
      clearTimeout(timer);
      const wx = (win as WechatWindow).wx;
      if (wx) resolve(wx);
      else reject(new Error('no wx'));
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('load failed'));
    };
    win.document.head.appendChild(script);
  });
}

export interface WechatShareOptions {
  jssdkUrl: string;
  title: string;
  summary: string;
  /** The cover, absolute or a path; made absolute against the page. */
  cover: string;
  /** Makes (or returns) this visitor's child share; its `url` is what the share carries. */
  childShareUrl: () => Promise<string | null>;
}

/** Page URL as WeChat signs it: everything before `#`. */
export const signableUrl = (href: string): string => href.split('#')[0] as string;

/** Configures the SDK and the share data. Resolves true once both share updates were called. */
export async function setUpWechatShare(win: Window, wx: WechatSdk, options: WechatShareOptions): Promise<boolean> {
  const res = await win.fetch(`${options.jssdkUrl}?url=${encodeURIComponent(signableUrl(win.location.href))}`, { credentials: 'same-origin' });
  if (!res.ok) return false; // e.g. 503 WECHAT_NOT_CONFIGURED: WeChat's own share of the page URL stays
  const signed = (await res.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string };
  wx.config({
    debug: false,
    appId: signed.appId,
    timestamp: signed.timestamp,
    nonceStr: signed.nonceStr,
    signature: signed.signature,
    jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'],
  });
  await new Promise<void>((resolve, reject) => {
    wx.ready(resolve);
    wx.error(reject);
  });
  const link = (await options.childShareUrl()) ?? signableUrl(win.location.href);
  const imgUrl = options.cover ? new URL(options.cover, win.location.href).href : '';
  wx.updateAppMessageShareData({ title: options.title, desc: options.summary, link, imgUrl });
  wx.updateTimelineShareData({ title: options.title, link, imgUrl });
  return true;
}

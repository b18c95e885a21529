/**
 * A small stand-in for `@tarojs/taro`: the APIs the app calls are jest mocks, storage is an in-memory map, and the
 * page hooks behave like Taro's (useLoad / useDidShow run once after mount with the latest callback; useDidShow, the
 * share and the scroll hooks keep the latest callback so a test can fire them).
 */
import { useEffect, useRef } from 'react';
import type { ShareAppMessageReturn } from '@tarojs/taro';
import { resetNetworkForTests } from '../../src/services/network.service';
import { FakeSocketTask } from '../fake-socket';

type AnyFn = (...args: never[]) => unknown;

export interface FakeRequestOption {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  dataType?: string;
}

export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

const storage = new Map<string, unknown>();

/** Router params the page under test sees (`useRouter().params`). */
export const routerState: { params: Record<string, string> } = { params: {} };

/** The latest callbacks a page registered with the lifecycle hooks. */
export const pageHooks: {
  shareAppMessage?: (options?: { from?: string }) => ShareAppMessageReturn;
  shareTimeline?: () => { title?: string; query?: string; imageUrl?: string };
  pullDownRefresh?: () => void;
  /** useDidShow's callback, to show the page again (it also runs once after mount). */
  didShow?: () => void;
  didHide?: () => void;
  reachBottom?: () => void;
} = {};

const resolved = <T>(value: T) => jest.fn(async (..._args: unknown[]) => value);

const Taro = {
  request: jest.fn(async (_option: FakeRequestOption): Promise<FakeResponse> => ({ statusCode: 404, data: null })),
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown): void => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string): void => {
    storage.delete(key);
  }),
  showToast: resolved({ errMsg: 'showToast:ok' }),
  showModal: resolved({ confirm: true, cancel: false, errMsg: 'showModal:ok' }),
  login: resolved({ code: 'wx-login-code', errMsg: 'login:ok' }),
  setClipboardData: resolved({ errMsg: 'setClipboardData:ok' }),
  navigateTo: resolved({ errMsg: 'navigateTo:ok' }),
  redirectTo: resolved({ errMsg: 'redirectTo:ok' }),
  switchTab: resolved({ errMsg: 'switchTab:ok' }),
  reLaunch: resolved({ errMsg: 'reLaunch:ok' }),
  stopPullDownRefresh: jest.fn(),
  setTabBarBadge: resolved({ errMsg: 'setTabBarBadge:ok' }),
  removeTabBarBadge: resolved({ errMsg: 'removeTabBarBadge:ok' }),
  /** Tests call `networkListeners` to go offline and back. */
  onNetworkStatusChange: jest.fn((fn: (res: { isConnected: boolean; networkType: string }) => void) => {
    networkListeners.push(fn);
  }),
  getNetworkType: resolved({ networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
  makePhoneCall: resolved({ errMsg: 'makePhoneCall:ok' }),
  uploadFile: jest.fn(async (_option: { url: string; filePath: string; name: string; header?: Record<string, string> }) => ({ statusCode: 404, data: '' })),
  downloadFile: jest.fn(async (_option: { url: string; header?: Record<string, string> }) => ({ statusCode: 404, tempFilePath: '' })),
  chooseImage: resolved({ tempFilePaths: ['wxfile://tmp/photo.jpg'], errMsg: 'chooseImage:ok' }),
  saveImageToPhotosAlbum: resolved({ errMsg: 'saveImageToPhotosAlbum:ok' }),
  getSetting: resolved({ authSetting: {} as Record<string, boolean>, errMsg: 'getSetting:ok' }),
  authorize: resolved({ errMsg: 'authorize:ok' }),
  openSetting: resolved({ authSetting: {} as Record<string, boolean>, errMsg: 'openSetting:ok' }),
  requestSubscribeMessage: resolved({ errMsg: 'requestSubscribeMessage:ok' } as Record<string, string>),
  requirePrivacyAuthorize: jest.fn((option: { success: () => void; fail: () => void }) => option.success()),
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: resolved({ errMsg: 'openPrivacyContract:ok' }),
  getLaunchOptionsSync: jest.fn(() => ({ scene: 1001, path: '', query: {} })),
  connectSocket: jest.fn(async (option: { url: string }) => new FakeSocketTask(option.url)),
};

/** What `Taro.onNetworkStatusChange` registered. */
export const networkListeners: Array<(res: { isConnected: boolean; networkType: string }) => void> = [];

export default Taro;

function useOnceAfterMount(fn: AnyFn): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    (latest.current as (params: Record<string, string>) => unknown)(routerState.params);
  }, []);
}

export const useLoad = useOnceAfterMount;
export function useDidShow(fn: () => void): void {
  pageHooks.didShow = fn;
  useOnceAfterMount(fn);
}
export const useReady = useOnceAfterMount;
export function useDidHide(fn: () => void): void {
  pageHooks.didHide = fn;
}

export function useRouter() {
  return { params: routerState.params, path: '' };
}

export function useShareAppMessage(fn: NonNullable<typeof pageHooks.shareAppMessage>): void {
  pageHooks.shareAppMessage = fn;
}

export function useShareTimeline(fn: NonNullable<typeof pageHooks.shareTimeline>): void {
  pageHooks.shareTimeline = fn;
}

export function usePullDownRefresh(fn: () => void): void {
  pageHooks.pullDownRefresh = fn;
}

export function useReachBottom(fn: () => void): void {
  pageHooks.reachBottom = fn;
}

/** Fresh state for each test: empty storage, no params, no hooks, mocks cleared (implementations kept). */
export function resetTaro(): void {
  storage.clear();
  routerState.params = {};
  for (const key of Object.keys(pageHooks) as Array<keyof typeof pageHooks>) delete pageHooks[key];
  for (const fn of Object.values(Taro)) fn.mockClear();
  networkListeners.length = 0;
  FakeSocketTask.instances = [];
  resetNetworkForTests();
  Taro.request.mockReset();
  Taro.connectSocket.mockImplementation(async (option: { url: string }) => new FakeSocketTask(option.url));
  Taro.request.mockImplementation(async () => ({ statusCode: 404, data: null }));
}

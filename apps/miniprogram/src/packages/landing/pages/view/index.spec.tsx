import { render, screen } from '@testing-library/react';
import { pageHooks, resetTaro, routerState } from '../../../../../test/mocks/taro';
import LandingViewPage from './index';

const iframeSrc = () => document.querySelector('iframe')?.getAttribute('src');

beforeEach(() => resetTaro());
afterEach(() => {
  process.env.TARO_ENV = 'h5';
  process.env.TARO_APP_PUBLIC_BASE = '';
});

describe('landing web-view', () => {
  it('opens the landing page of the code from a shared card, on the API origin in WeChat', () => {
    process.env.TARO_ENV = 'weapp';
    routerState.params = { code: 'AbCdEf123456' };
    render(<LandingViewPage />);
    expect(iframeSrc()).toBe('https://api.test.example/s/AbCdEf123456');
  });

  it('stays on its own origin in the browser build', () => {
    routerState.params = { code: 'AbCdEf123456' };
    render(<LandingViewPage />);
    expect(iframeSrc()).toBe('/s/AbCdEf123456');
  });

  it('takes the code from a mini-program code scene, and the public base when set', () => {
    process.env.TARO_APP_PUBLIC_BASE = 'https://m.fenji.test';
    routerState.params = { scene: encodeURIComponent('Zz9Yy8Xx7') };
    render(<LandingViewPage />);
    expect(iframeSrc()).toBe('https://m.fenji.test/s/Zz9Yy8Xx7');
  });

  it('refuses a code that is not a share code', () => {
    routerState.params = { code: '../admin' };
    render(<LandingViewPage />);
    expect(document.querySelector('iframe')).toBeNull();
    expect(screen.getByText('链接已失效或不完整')).toBeTruthy();
  });

  it('passes the card on with the same code', () => {
    routerState.params = { code: 'AbCdEf123456' };
    render(<LandingViewPage />);
    expect(pageHooks.shareAppMessage?.()).toEqual({ path: '/packages/landing/pages/view/index?code=AbCdEf123456' });
  });
});

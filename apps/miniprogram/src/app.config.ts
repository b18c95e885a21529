import { BRAND } from '../../../packages/shared/src/brand';

/**
 * The main package holds only the entry page (login) and the tab pages; every other page lives in a
 * subpackage named after its domain, which keeps the WeChat main package small (style.md).
 */
export default defineAppConfig({
  pages: ['pages/login/index', 'pages/library/index', 'pages/radar/index', 'pages/customers/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/content', pages: ['pages/detail/index'] },
    { root: 'packages/lead', pages: ['pages/detail/index'] },
    { root: 'packages/pool', pages: ['pages/index/index'] },
    { root: 'packages/card', pages: ['pages/edit/index', 'pages/share/index'] },
    { root: 'packages/share', pages: ['pages/poster/index', 'pages/view/index'] },
    { root: 'packages/me', pages: ['pages/notifications/index', 'pages/privacy/index'] },
    { root: 'packages/landing', pages: ['pages/view/index'] },
  ],
  tabBar: {
    color: '#8a8f99',
    selectedColor: BRAND.colorPrimary,
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/library/index', text: '内容库', iconPath: 'assets/tab/library.png', selectedIconPath: 'assets/tab/library-active.png' },
      { pagePath: 'pages/radar/index', text: '雷达', iconPath: 'assets/tab/radar.png', selectedIconPath: 'assets/tab/radar-active.png' },
      { pagePath: 'pages/customers/index', text: '客户', iconPath: 'assets/tab/customers.png', selectedIconPath: 'assets/tab/customers-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: BRAND.colorBg,
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: BRAND.name,
    navigationBarTextStyle: 'black',
    // In the H5 build this turns on Taro's navigation bar, whose back button gives sub-pages a way back.
    navigationStyle: 'default',
  },
  // WeChat calls onNeedPrivacyAuthorization before personal-data APIs (saving a poster to the album).
  __usePrivacyCheck__: true,
});

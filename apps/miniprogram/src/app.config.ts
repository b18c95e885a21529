/**
 * The main package holds only the entry page (login) and the tab pages; every other page lives in a
 * subpackage named after its domain, which keeps the WeChat main package small (style.md).
 */
export default defineAppConfig({
  pages: ['pages/login/index', 'pages/library/index', 'pages/customers/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/content', pages: ['pages/detail/index'] },
    { root: 'packages/lead', pages: ['pages/detail/index'] },
    { root: 'packages/pool', pages: ['pages/index/index'] },
    { root: 'packages/landing', pages: ['pages/view/index'] },
  ],
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/library/index', text: '内容库' },
      { pagePath: 'pages/customers/index', text: '我的客户' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '分机',
    navigationBarTextStyle: 'black',
  },
});

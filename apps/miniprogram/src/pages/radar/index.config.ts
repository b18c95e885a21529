export default definePageConfig({
  navigationBarTitleText: '客户雷达',
  enablePullDownRefresh: true,
});

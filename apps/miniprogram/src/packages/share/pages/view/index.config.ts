export default definePageConfig({
  navigationBarTitleText: '分机',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

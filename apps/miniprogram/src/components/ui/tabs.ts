// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import Tabs from '@nutui/nutui-react-taro/dist/es/packages/tabs/index';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';

export { Tabs };

// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import TabPane from '@nutui/nutui-react-taro/dist/es/packages/tabpane/index';
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css';

export { TabPane };

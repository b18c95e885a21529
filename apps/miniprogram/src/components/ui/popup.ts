// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup/index';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';

export { Popup };

// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import Dialog from '@nutui/nutui-react-taro/dist/es/packages/dialog/index';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';

export { Dialog };

// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch/index';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { Switch };

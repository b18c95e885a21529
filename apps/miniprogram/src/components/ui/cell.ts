// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell/index';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';

export { Cell };

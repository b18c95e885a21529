// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/index';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';

export { CellGroup };

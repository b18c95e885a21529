// NutUI React Taro, imported per component (with its own CSS only) so the WeChat main package stays small.
import DatePicker from '@nutui/nutui-react-taro/dist/es/packages/datepicker/index';
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css';

export { DatePicker };

import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="这个地址没有对应的页面，或你没有权限查看。"
      extra={
        <Link to="/leads">
          <Button type="primary">返回线索池</Button>
        </Link>
      }
    />
  );
}

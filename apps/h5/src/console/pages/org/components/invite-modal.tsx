import { Alert, Flex, Modal, QRCode, Typography } from 'antd';
import { staffInviteUrl, type Staff } from '@fenji/shared';

/** 邀请: the link (copyable) and its QR code; the staff member opens it on their phone and sets a password. */
export function InviteModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const code = staff?.inviteCode ?? null;
  const url = code ? staffInviteUrl(window.location.origin, code) : '';
  return (
    <Modal title={staff ? `邀请 ${staff.name}` : ''} open={staff !== null} onCancel={onClose} onOk={onClose} okText="知道了" cancelButtonProps={{ style: { display: 'none' } }}>
      {code ? (
        <Flex gap={24} align="center">
          <QRCode value={url} size={168} bordered={false} aria-label="邀请二维码" />
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Typography.Text>请 {staff?.name} 用手机微信扫码，或打开下面的链接，设置密码后即可使用员工端。</Typography.Text>
            <Typography.Text copyable={{ text: url, tooltips: ['复制链接', '已复制'] }} style={{ wordBreak: 'break-all' }} data-testid="invite-link">
              {url}
            </Typography.Text>
            <Typography.Text type="secondary">
              邀请码：
              <Typography.Text strong copyable={{ tooltips: ['复制邀请码', '已复制'] }} data-testid="invite-code">
                {code}
              </Typography.Text>
            </Typography.Text>
          </Flex>
        </Flex>
      ) : (
        <Alert type="info" showIcon title="该员工已激活，无需邀请。需要重新激活时点“重发邀请”。" />
      )}
    </Modal>
  );
}

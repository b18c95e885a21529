import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LABELS, type Staff } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { LOOKUP_KEYS, namesById, useBranches, useStaffList } from '../../../api/lookups';
import { useSession, usePermissions } from '../../../app/session-context';
import { tableEmptyText } from '../../../components/list-states';
import { reissueInvite, updateStaff } from '../service';
import { DisableStaffModal } from './disable-staff-modal';
import { InviteModal } from './invite-modal';
import { StaffFormModal } from './staff-form-modal';

type Editing = { staff: Staff | null } | null;

/**
 * 员工: add (→ the invite as a link and a QR code), edit name/role/branch, 邀请, 停用 (with hand-over) / 启用.
 * Nobody sees 停用 on their own row; a branch manager cannot change roles or branches.
 */
export function StaffCard() {
  const api = useApi();
  const { user } = useSession();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const staff = useStaffList();
  const branches = useBranches();
  const branchNames = namesById(branches.data);
  const [editing, setEditing] = useState<Editing>(null);
  const [inviting, setInviting] = useState<Staff | null>(null);
  const [disabling, setDisabling] = useState<Staff | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: LOOKUP_KEYS.staff });

  const enable = useMutation({
    mutationFn: (s: Staff) => updateStaff(api, s.id, { status: 'active' }),
    onSuccess: (s) => {
      setNotice(`已启用 ${s.name}`);
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const invite = useMutation({
    mutationFn: (s: Staff) => reissueInvite(api, s.id),
    onSuccess: (s) => {
      setInviting(s);
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  return (
    <Card
      title="员工"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setNotice(null);
            setEditing({ staff: null });
          }}
        >
          添加员工
        </Button>
      }
    >
      {notice ? <Alert type="success" showIcon role="status" title={notice} closable={{ onClose: () => setNotice(null) }} style={{ marginBottom: 12 }} /> : null}
      <Table<Staff>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={staff.isFetching}
        dataSource={staff.data ?? []}
        locale={{ emptyText: tableEmptyText(staff, '还没有员工') }}
        rowClassName={(s) => (s.status === 'disabled' ? 'ant-table-row-disabled' : '')}
        columns={[
          { title: '姓名', render: (_, s) => (s.id === user.id ? <>{s.name} <Tag>我</Tag></> : s.name) },
          { title: '手机号', render: (_, s) => <span className="num">{s.phone}</span> },
          { title: '角色', render: (_, s) => LABELS.role[s.role] },
          { title: '门店', render: (_, s) => (s.branchId ? (branchNames.get(s.branchId) ?? '—') : '总部') },
          { title: '状态', render: (_, s) => <Tag color={s.status === 'active' ? 'green' : 'default'}>{LABELS.staffStatus[s.status]}</Tag> },
          { title: '激活', render: (_, s) => (s.activated ? '已激活' : <Typography.Text type="warning">未激活</Typography.Text>) },
          { title: '微信', render: (_, s) => (s.wechatBound ? '已绑定' : '未绑定') },
          {
            title: '操作',
            width: 240,
            render: (_, s) => (
              <Flex gap={4} wrap>
                <Button size="small" type="link" onClick={() => setEditing({ staff: s })}>
                  编辑
                </Button>
                {s.inviteCode ? (
                  <Button size="small" type="link" onClick={() => setInviting(s)}>
                    邀请
                  </Button>
                ) : null}
                <Button size="small" type="link" loading={invite.isPending && invite.variables?.id === s.id} onClick={() => invite.mutate(s)}>
                  重发邀请
                </Button>
                {s.id === user.id ? null : s.status === 'active' ? (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => {
                      setNotice(null);
                      setDisabling(s);
                    }}
                  >
                    停用
                  </Button>
                ) : (
                  <Button size="small" type="link" loading={enable.isPending && enable.variables?.id === s.id} onClick={() => enable.mutate(s)}>
                    启用
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <StaffFormModal
        open={editing !== null}
        staff={editing?.staff ?? null}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          void refresh();
          if (created) {
            setNotice(`已添加 ${saved.name}，请把邀请发给 TA`);
            setInviting(saved);
          } else setNotice(`已保存 ${saved.name}`);
        }}
      />
      <InviteModal staff={inviting} onClose={() => setInviting(null)} />
      <DisableStaffModal
        staff={disabling}
        onClose={() => setDisabling(null)}
        onDone={(text) => {
          setDisabling(null);
          setNotice(text);
          void refresh();
          void queryClient.invalidateQueries({ queryKey: ['leads'] });
        }}
      />
      {permissions.isHq ? null : <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>门店负责人只能添加和管理本门店的员工，不能修改角色。</Typography.Paragraph>}
    </Card>
  );
}

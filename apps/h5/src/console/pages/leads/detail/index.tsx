import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { LABELS, type LeadListItem } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { namesById, useBranches, useStaffList } from '../../../api/lookups';
import { usePermissions } from '../../../app/session-context';
import { formatDateTime, formatNumber } from '../../../components/format';
import { ErrorState } from '../../../components/list-states';
import { AssignLeadForm } from '../components/assign-lead-form';
import { DoNotContactTag, HeatTag, StatusTag } from '../components/lead-tags';
import { PhoneCell } from '../components/phone-cell';
import { fetchLeadDetail, leadKeys } from '../service';
import { DoNotContact } from './components/do-not-contact';
import { LeadConsent, LeadFollowUps, LeadOwnershipChanges, LeadTimeline, LeadVisits, ShareChainTree } from './components/lead-sections';
import { LeadStatusForm } from './components/lead-status-form';
import { ownershipWhy } from './lead-words';

/** The drawer as a child route (`/leads/:leadId`): closing returns to the list with its filters. */
export function LeadDrawerRoute() {
  const { leadId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  return <LeadDrawer leadId={leadId} onClose={() => navigate({ pathname: '..', search: location.search }, { relative: 'path' })} />;
}

/**
 * One lead: the customer's name first, why it is whose, its dates, the actions (分配, 状态, 不再联系), then the
 * timeline in words, the share chain as a tree, visits, follow-ups, ownership changes and the consent record.
 */
export function LeadDrawer({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const permissions = usePermissions();
  const staff = useStaffList();
  const branches = useBranches();
  const lead = useQuery({ queryKey: leadKeys.detail(leadId), queryFn: () => fetchLeadDetail(api, leadId) });
  const [assigning, setAssigning] = useState(false);
  const d = lead.data;

  function refresh(item?: LeadListItem) {
    if (item) queryClient.setQueryData(leadKeys.detail(leadId), (current: typeof d) => (current ? { ...current, ...item } : current));
    void queryClient.invalidateQueries({ queryKey: leadKeys.detail(leadId) });
    void queryClient.invalidateQueries({ queryKey: leadKeys.pages });
  }

  const branchName = d?.branchName ?? (d?.branchId ? namesById(branches.data).get(d.branchId) : undefined) ?? '—';

  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      destroyOnHidden
      title={
        d ? (
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d.name}
          </Typography.Title>
        ) : (
          '线索详情'
        )
      }
      extra={d ? <Space>{d.doNotContact ? <DoNotContactTag /> : null}<StatusTag status={d.status} />{d.heat ? <HeatTag heat={d.heat} /> : null}</Space> : null}
    >
      {lead.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {lead.error ? <ErrorState error={lead.error} onRetry={lead.refetch} /> : null}
      {d ? (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={<span data-testid="ownership-why">{ownershipWhy(d)}</span>} />
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'phone', label: '手机号', children: <PhoneCell leadId={d.id} leadName={d.name} phone={d.phone} masked={d.phoneMasked} /> },
              { key: 'owner', label: '归属员工', children: <span data-testid="lead-owner">{d.ownerName ?? (d.pool === 'public' ? '公海' : '—')}</span> },
              { key: 'branch', label: '门店', children: branchName },
              { key: 'pool', label: '公海私海', children: LABELS.pool[d.pool] },
              { key: 'protected', label: '保护期至', children: <span className="num">{formatDateTime(d.protectedUntil)}</span> },
              { key: 'recycle', label: '回收时间', children: <span className="num">{formatDateTime(d.recycleAt)}</span> },
              { key: 'lastFollowUp', label: '最近跟进', children: <span className="num">{formatDateTime(d.lastFollowUpAt)}</span> },
              {
                key: 'nextFollowUp',
                label: '下次跟进',
                children: d.followUpOverdue ? <Tag color="red">已逾期 {formatDateTime(d.nextFollowUpAt)}</Tag> : <span className="num">{formatDateTime(d.nextFollowUpAt)}</span>,
              },
              { key: 'created', label: '创建时间', children: <span className="num">{formatDateTime(d.createdAt)}</span> },
              { key: 'touched', label: '最近触达', children: <span className="num">{formatDateTime(d.lastTouchAt)}</span> },
              { key: 'touches', label: '触达次数', children: formatNumber(d.touchCount) },
              { key: 'source', label: '来源', children: d.source ? `《${d.source.contentTitle}》· ${LABELS.channel[d.source.channel]}` : d.chainDepth > 0 ? `客户转发（第 ${d.chainDepth} 层）` : '员工分享' },
              ...(d.tags?.length ? [{ key: 'tags', label: '标签', children: d.tags.map((t) => <Tag key={t.id}>{t.name}</Tag>) }] : []),
              ...(d.heat ? [{ key: 'heat', label: '热度说明', children: d.heat.reason }] : []),
              ...(d.memberId ? [{ key: 'member', label: '会员', children: '已成交，成为公司会员' }] : []),
              { key: 'message', label: '留言', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.message || '—'}</span> },
            ]}
          />

          <Card size="small" title="处理">
            <Flex vertical gap={16}>
              <div>
                <Typography.Text strong>归属</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  {assigning ? (
                    <AssignLeadForm
                      lead={d}
                      onCancel={() => setAssigning(false)}
                      onAssigned={(item, to) => {
                        setAssigning(false);
                        void message.success(item.pool === 'public' ? '已放入公海' : `已分配给 ${to}`);
                        refresh(item);
                      }}
                    />
                  ) : (
                    <Button onClick={() => setAssigning(true)}>分配</Button>
                  )}
                </div>
              </div>
              <div>
                <Typography.Text strong>状态</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <LeadStatusForm
                    key={d.status}
                    lead={d}
                    onChanged={(item) => {
                      void message.success(`状态已更新为 ${LABELS.leadStatus[item.status]}`);
                      refresh(item);
                    }}
                  />
                </div>
              </div>
              {permissions.canReveal ? (
                <div>
                  <DoNotContact lead={d} onChanged={() => refresh()} />
                </div>
              ) : null}
            </Flex>
          </Card>

          <Tabs
            defaultActiveKey="timeline"
            items={[
              { key: 'timeline', label: '时间线', children: <LeadTimeline lead={d} /> },
              { key: 'chain', label: '转发链', children: <ShareChainTree lead={d} staffNames={namesById(staff.data)} /> },
              { key: 'visits', label: '访问记录', children: <LeadVisits lead={d} /> },
              { key: 'followUps', label: `跟进记录（${d.followUps.length}）`, children: <LeadFollowUps lead={d} /> },
              { key: 'ownership', label: '归属变更', children: <LeadOwnershipChanges lead={d} /> },
              { key: 'consent', label: '隐私授权', children: <LeadConsent lead={d} /> },
            ]}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}

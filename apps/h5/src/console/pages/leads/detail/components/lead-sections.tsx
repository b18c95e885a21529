import type { ReactNode } from 'react';
import { Descriptions, Empty, List, Table, Tag, Timeline, Tree, Typography } from 'antd';
import { LABELS, POOL_LABELS, type LeadDetailView } from '@fenji/shared';
import { formatDateTime, formatDuration, formatPercent } from '../../../../components/format';
import { shareTreeOf, timelineSentence } from '../lead-words';

const KIND_COLORS = { submission: 'green', visit: 'blue', collision: 'red', ownership: 'purple', follow_up: 'cyan', status: 'gray' } as const;
const KIND_WORDS = { submission: '留资', visit: '访问', collision: '撞单', ownership: '归属变更', follow_up: '跟进', status: '状态变更' } as const;

const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

/** 时间线: every touch, visit, change and follow-up, oldest first, each as a sentence. */
export function LeadTimeline({ lead }: { lead: LeadDetailView }) {
  if (!lead.timeline.length) return none('暂无记录');
  return (
    <div data-testid="lead-timeline">
      <Timeline
        items={lead.timeline.map((entry, i) => ({
          key: `${entry.at}-${i}`,
          color: KIND_COLORS[entry.kind],
          title: (
            <span className="num">
              {formatDateTime(entry.at)} <Tag>{KIND_WORDS[entry.kind]}</Tag>
            </span>
          ),
          content: (
            <>
              <div>{timelineSentence(entry)}</div>
              <Typography.Text type="secondary">
                {[entry.staffName, entry.contentTitle ? `《${entry.contentTitle}》` : null, entry.channel ? LABELS.channel[entry.channel] : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </div>
  );
}

/** 转发链: who shared to whom, as a small tree, down to this lead. */
export function ShareChainTree({ lead, staffNames }: { lead: LeadDetailView; staffNames: Map<string, string> }) {
  const tree = shareTreeOf(lead, staffNames);
  if (!tree.length) return none('没有转发链');
  const toData = (nodes: ReturnType<typeof shareTreeOf>): Array<{ key: string; title: ReactNode; children: unknown[] }> =>
    nodes.map((n) => ({
      key: n.key,
      title: n.onLeadPath ? <Typography.Text strong>{n.title}</Typography.Text> : n.title,
      children: toData(n.children),
    }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {lead.chainDepth === 0 ? '员工直接分享带来。' : `经客户转发第 ${lead.chainDepth} 层带来，归属仍是最初分享的员工。`}
      </Typography.Paragraph>
      <Tree showLine defaultExpandAll selectable={false} treeData={toData(tree) as never} aria-label="转发链" />
    </>
  );
}

/** 访问记录: each visit with its dwell and read depth. */
export function LeadVisits({ lead }: { lead: LeadDetailView }) {
  if (lead.visits) {
    if (!lead.visits.length) return none('暂无访问记录');
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lead.visits}
        columns={[
          { title: '时间', render: (_, v) => <span className="num">{formatDateTime(v.at)}</span> },
          { title: '页面', render: (_, v) => (v.contentTitle ? `《${v.contentTitle}》` : '—') },
          { title: '来自', render: (_, v) => v.viaLabel ?? '—' },
          { title: '停留', render: (_, v) => formatDuration(v.dwellSeconds) },
          { title: '阅读深度', render: (_, v) => (v.readDepth === null ? '—' : formatPercent(v.readDepth / 100)) },
          { title: '转发', render: (_, v) => (v.reshared ? <Tag color="blue">已转发</Tag> : '—') },
        ]}
      />
    );
  }
  const visits = lead.timeline.filter((e) => e.kind === 'visit');
  if (!visits.length) return none('暂无访问记录');
  return (
    <List
      size="small"
      dataSource={visits}
      renderItem={(e) => (
        <List.Item>
          <span className="num">{formatDateTime(e.at)}</span>　{timelineSentence(e)}
        </List.Item>
      )}
    />
  );
}

/** 跟进记录, newest first. */
export function LeadFollowUps({ lead }: { lead: LeadDetailView }) {
  if (!lead.followUps.length) return none('暂无跟进');
  const items = [...lead.followUps].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <List
      aria-label="跟进记录"
      dataSource={items}
      renderItem={(f) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span>
                <span className="num">{formatDateTime(f.createdAt)}</span> · {f.staffName ?? '—'} · {POOL_LABELS.followUpMethod[f.method]}
              </span>
            }
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{f.note}</div>
                {f.nextAt ? <Typography.Text type="secondary">下次跟进 {formatDateTime(f.nextAt)}</Typography.Text> : null}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 归属变更: every change of owner with its rule, who did it and why. */
export function LeadOwnershipChanges({ lead }: { lead: LeadDetailView }) {
  if (lead.ownershipChanges) {
    if (!lead.ownershipChanges.length) return none('暂无归属变更');
    return (
      <Table
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={lead.ownershipChanges}
        columns={[
          { title: '时间', render: (_, c) => <span className="num">{formatDateTime(c.at)}</span> },
          { title: '变更', render: (_, c) => `${c.fromStaffName ?? '公海'} → ${c.toStaffName ?? (c.toPool === 'public' ? `${c.toBranchName ? `${c.toBranchName} ` : ''}公海` : '—')}` },
          { title: '规则', render: (_, c) => POOL_LABELS.ownershipRule[c.rule] },
          { title: '操作人', render: (_, c) => c.actorName ?? '系统规则' },
          { title: '原因', render: (_, c) => c.reason ?? '—' },
        ]}
      />
    );
  }
  const changes = lead.timeline.filter((e) => e.kind === 'ownership');
  if (!changes.length) return none('暂无归属变更');
  return (
    <List
      size="small"
      dataSource={changes}
      renderItem={(e) => (
        <List.Item>
          <span className="num">{formatDateTime(e.at)}</span>　{e.summary}
        </List.Item>
      )}
    />
  );
}

/** 隐私授权: what the customer agreed to, when, and on which page. */
export function LeadConsent({ lead }: { lead: LeadDetailView }) {
  const consent = lead.consent;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'version', label: '隐私政策版本', children: consent?.version ?? lead.consentVersion },
        { key: 'at', label: '同意时间', children: formatDateTime(consent?.at ?? lead.consentedAt) },
        ...(consent?.contentTitle ? [{ key: 'page', label: '留资页面', children: `《${consent.contentTitle}》` }] : []),
        ...(consent?.fields.length ? [{ key: 'fields', label: '收集的信息', children: consent.fields.join('、') }] : []),
        { key: 'dnc', label: '不再联系', children: lead.doNotContact ? `是（${formatDateTime(lead.doNotContactAt)}）` : '否' },
      ]}
    />
  );
}

import { useState } from 'react';
import { API, LABELS, POOL_LABELS, type Branch, type LeadDetail, type LeadListItem, type Staff } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { AssignLeadForm } from './assign-lead-form';
import { LeadStatusForm } from './lead-status-form';
import { leadListBack } from './lead-pool-page';
import { TIMELINE_KIND_LABELS } from './timeline-labels';

/**
 * "归属 李娜：首次触达…": who owns the lead, and why — the latest ownership entry of the timeline. The API's
 * ownership summaries already start with 归属 ("归属 李娜：首次触达…", "归属由 王小明 变为 李娜：分配…");
 * any other summary gets the current owner in front.
 */
export function ownershipWhy(lead: Pick<LeadDetail, 'ownerName' | 'pool' | 'timeline'>): string {
  const who = `归属 ${lead.ownerName ?? (lead.pool === 'public' ? '公海' : '—')}`;
  let latest: LeadDetail['timeline'][number] | undefined;
  for (const entry of lead.timeline) {
    if (entry.kind === 'ownership' && (!latest || Date.parse(entry.at) >= Date.parse(latest.at))) latest = entry;
  }
  if (!latest) return who;
  return latest.summary.startsWith('归属') ? latest.summary : `${who}：${latest.summary}`;
}

/**
 * One lead: why it is whose, its protection and recycle dates, the actions (分配, 状态), its fields, the share chain
 * that brought it, the follow-ups and every touch on a vertical timeline.
 */
export function LeadDetailPage({ leadId }: { leadId: string }) {
  const api = useApi();
  const lead = useLoad(`lead:${leadId}`, () => api.get<LeadDetail>(API.leadItem(leadId)));
  const branches = useLoad('branches', () => api.get<Branch[]>(API.branches));
  const staff = useLoad('staff', () => api.get<Staff[]>(API.staff));
  const [assigning, setAssigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const d = lead.data;
  const branchName = d?.branchId ? (branches.data?.find((b) => b.id === d.branchId)?.name ?? d.branchId) : '—';
  const back = leadListBack();

  /** An action answered with the lead's list item: show it at once, then reload the whole detail (timeline…). */
  function applied(item: LeadListItem, message: string) {
    lead.setData((current) => (current ? { ...current, ...item } : current));
    setDone(message);
    lead.reload();
  }

  return (
    <div className="lead-detail">
      <p>
        <a href={back.hash}>← 返回{back.label}</a>
      </p>
      <ErrorNotice message={lead.error} />
      {lead.loading && !d ? <p>加载中…</p> : null}
      {d ? (
        <>
          <section className="panel lead-summary">
            <p className="ownership-why" data-testid="ownership-why">
              {ownershipWhy(d)}
            </p>
            <p className="lead-dates">
              <span>
                保护期至 <strong className="num">{formatDateTime(d.protectedUntil)}</strong>
              </span>
              <span>
                回收时间 <strong className="num">{formatDateTime(d.recycleAt)}</strong>
              </span>
              <span>
                最近跟进 <strong className="num">{formatDateTime(d.lastFollowUpAt)}</strong>
              </span>
            </p>
            {done ? (
              <p className="notice notice-ok" role="status">
                {done}
              </p>
            ) : null}
            <div className="lead-actions">
              <div>
                <h3>归属</h3>
                {assigning ? (
                  <AssignLeadForm
                    lead={d}
                    staff={staff.data}
                    branches={branches.data ?? []}
                    onCancel={() => setAssigning(false)}
                    onAssigned={(item, to) => {
                      setAssigning(false);
                      applied(item, item.pool === 'public' ? '已放入公海' : `已分配给 ${to}`);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    onClick={() => {
                      setDone(null);
                      setAssigning(true);
                    }}
                  >
                    分配
                  </button>
                )}
                <ErrorNotice message={assigning ? staff.error : null} />
              </div>
              <div>
                <h3>状态</h3>
                <LeadStatusForm
                  key={d.status}
                  lead={d}
                  onChanged={(item) => applied(item, `状态已更新为 ${LABELS.leadStatus[item.status]}`)}
                />
              </div>
            </div>
          </section>

          <div className="detail-grid">
            <section className="panel">
              <h2>{d.name}</h2>
              <dl className="fields">
                <dt>手机号</dt>
                <dd className="num">
                  {d.phone}
                  {d.phoneMasked ? <small className="hint">（已脱敏）</small> : null}
                </dd>
                <dt>状态</dt>
                <dd>{LABELS.leadStatus[d.status]}</dd>
                {d.memberId ? (
                  <>
                    <dt>已成交会员</dt>
                    <dd>
                      会员编号 <span className="mono">{d.memberId}</span>
                    </dd>
                  </>
                ) : null}
                <dt>归属员工</dt>
                <dd data-testid="lead-owner">{d.ownerName ?? '—'}</dd>
                <dt>门店</dt>
                <dd>{branchName}</dd>
                <dt>公海私海</dt>
                <dd>{LABELS.pool[d.pool]}</dd>
                <dt>触达次数</dt>
                <dd>{d.touchCount}</dd>
                <dt>创建时间</dt>
                <dd>{formatDateTime(d.createdAt)}</dd>
                <dt>最近触达</dt>
                <dd>{formatDateTime(d.lastTouchAt)}</dd>
                <dt>留言</dt>
                <dd className="pre">{d.message || '—'}</dd>
                <dt>隐私政策</dt>
                <dd>
                  版本 {d.consentVersion}，{formatDateTime(d.consentedAt)} 同意
                </dd>
                <dt>转发层级</dt>
                <dd>{d.chainDepth === 0 ? '员工直接分享' : `第 ${d.chainDepth} 层转发`}</dd>
              </dl>

              <h3>转发链</h3>
              {d.shareChain.length ? (
                <ol className="chain">
                  {d.shareChain.map((link) => (
                    <li key={link.shareCode}>
                      <span className="mono">{link.shareCode}</span> · {LABELS.channel[link.channel]} ·{' '}
                      {link.sharerVisitorId ? `访客 ${link.sharerVisitorId.slice(0, 8)}… 转发` : '员工分享'}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="hint">无</p>
              )}

              <h3>跟进记录</h3>
              {d.followUps.length ? (
                <ol className="follow-ups" aria-label="跟进记录">
                  {[...d.followUps]
                    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
                    .map((f) => (
                      <li key={f.id}>
                        <div className="hint">
                          <time dateTime={f.createdAt}>{formatDateTime(f.createdAt)}</time> · {f.staffName ?? '—'} ·{' '}
                          {POOL_LABELS.followUpMethod[f.method]}
                        </div>
                        <p className="pre">{f.note}</p>
                        {f.nextAt ? <small className="hint">下次跟进 {formatDateTime(f.nextAt)}</small> : null}
                      </li>
                    ))}
                </ol>
              ) : (
                <p className="hint">暂无跟进</p>
              )}
            </section>

            <section className="panel">
              <h3>时间线</h3>
              {d.timeline.length ? (
                <ol className="timeline">
                  {d.timeline.map((entry, i) => (
                    <li key={`${entry.at}-${i}`} className={`timeline-${entry.kind}`}>
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                      <span className="timeline-kind">{TIMELINE_KIND_LABELS[entry.kind]}</span>
                      <p>{entry.summary}</p>
                      <small className="hint">
                        {[
                          entry.staffName,
                          entry.contentTitle ? `《${entry.contentTitle}》` : null,
                          entry.channel ? LABELS.channel[entry.channel] : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </small>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="hint">暂无记录</p>
              )}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}

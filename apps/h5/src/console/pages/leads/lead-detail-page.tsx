import { API, LABELS, type Branch, type LeadDetail } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { leadListBackHash } from './lead-pool-page';
import { TIMELINE_KIND_LABELS } from './timeline-labels';

/** One lead: its fields, the share chain that brought it, and every touch on a vertical timeline. */
export function LeadDetailPage({ leadId }: { leadId: string }) {
  const api = useApi();
  const lead = useLoad(`lead:${leadId}`, () => api.get<LeadDetail>(API.leadItem(leadId)));
  const branches = useLoad('branches', () => api.get<Branch[]>(API.branches));
  const d = lead.data;
  const branchName = d?.branchId ? (branches.data?.find((b) => b.id === d.branchId)?.name ?? d.branchId) : '—';

  return (
    <div className="lead-detail">
      <p>
        <a href={leadListBackHash()}>← 返回线索池</a>
      </p>
      <ErrorNotice message={lead.error} />
      {lead.loading && !d ? <p>加载中…</p> : null}
      {d ? (
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
              <dt>归属员工</dt>
              <dd>{d.ownerName ?? '—'}</dd>
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
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS, POOL_LABELS, type FollowUp, type LeadListItem, type TimelineKind } from '@fenji/shared';
import { ensureSession } from '../../../../services/auth-guard';
import { markLeadsChanged } from '../../../../services/lead-changes';
import { getLead, type LeadDetailView } from '../../../../services/lead.service';
import { getSessionUser } from '../../../../services/session.service';
import { formatDateTime, formatTime } from '../../../../utils/format-time.util';
import { FollowUpForm } from '../../components/follow-up-form';
import { ReleaseForm } from '../../components/release-form';
import { StatusChanger } from '../../components/status-changer';
import './index.css';

const TIMELINE_LABELS = {
  submission: '留资',
  visit: '访问',
  collision: '撞单',
  ownership: '归属',
  follow_up: '跟进',
  status: '状态',
} satisfies Record<TimelineKind, string>;

/** What a lead looks like once released, when the API's answer does not say. */
const RELEASED: Partial<LeadListItem> = {
  pool: 'public',
  ownerStaffId: null,
  ownerName: null,
  protectedUntil: null,
  recycleAt: null,
};

/**
 * One lead: who they are, where they came from, every touch on the timeline and the follow-ups. Its owner writes
 * follow-ups, moves its status and can put it back into the public pool.
 */
export default function LeadDetailPage() {
  const { params } = useRouter();
  const leadId = params.id ?? '';
  const [lead, setLead] = useState<LeadDetailView | null>(null);
  const [failed, setFailed] = useState(false);
  const [me] = useState(() => getSessionUser());

  useLoad(() => {
    if (!ensureSession()) return;
    getLead(leadId).then(setLead, () => setFailed(true));
  });

  /** Reloads quietly after a change: new clocks (保护期, 回收) and timeline entries come from the server. */
  const refresh = () => {
    getLead(leadId, { toast: false }).then(setLead, () => undefined);
  };

  const onFollowUpSaved = (followUp: FollowUp) => {
    setLead((prev) =>
      prev && { ...prev, followUps: [followUp, ...prev.followUps.filter((f) => f.id !== followUp.id)], lastFollowUpAt: followUp.createdAt },
    );
    refresh();
  };

  const onStatusChanged = (item: LeadListItem) => {
    setLead((prev) => prev && { ...prev, ...item });
    markLeadsChanged();
    refresh();
  };

  const onReleased = (item: LeadListItem | null) => {
    setLead((prev) => prev && { ...prev, ...RELEASED, ...item });
    markLeadsChanged();
    refresh();
  };

  if (!lead) return <View className='empty'>{failed ? '客户不存在或无权查看' : '加载中…'}</View>;

  const isOwner = lead.pool === 'private' && me !== null && lead.ownerStaffId === me.id;

  return (
    <View className='page lead-detail'>
      <View className='card'>
        <View className='lead-detail__head'>
          <Text className='lead-detail__name'>{lead.name}</Text>
          <Text className={`tag tag--status-${lead.status}`}>{LABELS.leadStatus[lead.status]}</Text>
        </View>
        <Text className='lead-detail__phone' userSelect>
          {lead.phone}
        </Text>
        <View className='lead-detail__facts'>
          <Text className='muted'>归属：{lead.ownerName ?? '公海'}</Text>
          <Text className='muted'>{LABELS.pool[lead.pool]}</Text>
          <Text className='muted'>触达 {lead.touchCount} 次</Text>
          <Text className='muted'>创建于 {formatTime(lead.createdAt)}</Text>
          {lead.chainDepth !== undefined && lead.chainDepth > 0 && (
            <Text className='muted'>经 {lead.chainDepth} 层转发</Text>
          )}
          {lead.lastFollowUpAt && <Text className='muted'>最近跟进 {formatTime(lead.lastFollowUpAt)}</Text>}
          {lead.memberId && <Text className='muted'>已转为会员</Text>}
        </View>
        {(lead.protectedUntil || lead.recycleAt) && (
          <View className='lead-detail__clocks'>
            {lead.protectedUntil && (
              <Text id='lead-protected-until' className='lead-detail__clock'>
                保护期至 {formatDateTime(lead.protectedUntil)}
              </Text>
            )}
            {lead.recycleAt && (
              <Text id='lead-recycle-at' className='lead-detail__clock lead-detail__clock--recycle'>
                回收时间 {formatDateTime(lead.recycleAt)}
              </Text>
            )}
          </View>
        )}
        {lead.message ? <Text className='lead-detail__message'>留言：{lead.message}</Text> : null}
        {!isOwner && (
          <Text className='muted lead-detail__readonly'>
            {lead.pool === 'public' ? '该客户在公海，领取后才能跟进' : '该客户不属于你，只能查看'}
          </Text>
        )}
      </View>

      {isOwner && <FollowUpForm leadId={lead.id} onSaved={onFollowUpSaved} />}

      <View className='card follow-ups'>
        <Text className='lead-detail__section'>跟进记录</Text>
        {lead.followUps.length === 0 && <Text className='muted'>还没有跟进记录</Text>}
        {lead.followUps.map((followUp) => (
          <View key={followUp.id} className='follow-up-item'>
            <View className='follow-up-item__head'>
              <Text className='tag'>{POOL_LABELS.followUpMethod[followUp.method]}</Text>
              <Text className='muted'>
                {[followUp.staffName, formatTime(followUp.createdAt)].filter(Boolean).join(' · ')}
              </Text>
            </View>
            <Text className='follow-up-item__note'>{followUp.note}</Text>
            {followUp.nextAt && <Text className='muted follow-up-item__next'>下次跟进 {formatDateTime(followUp.nextAt)}</Text>}
          </View>
        ))}
      </View>

      {isOwner && <StatusChanger leadId={lead.id} current={lead.status} onChanged={onStatusChanged} />}

      <View className='card'>
        <Text className='lead-detail__section'>时间线</Text>
        {lead.timeline.length === 0 && <Text className='muted'>暂无记录</Text>}
        {lead.timeline.map((entry, index) => (
          <View key={`${entry.at}-${index}`} className={`timeline-item timeline-item--${entry.kind}`}>
            <View className='timeline-item__head'>
              <Text className='tag'>{TIMELINE_LABELS[entry.kind]}</Text>
              <Text className='muted'>{formatTime(entry.at)}</Text>
            </View>
            <Text className='timeline-item__summary'>{entry.summary}</Text>
            {(entry.contentTitle || entry.channel || entry.staffName) && (
              <Text className='muted timeline-item__source'>
                {[entry.contentTitle && `《${entry.contentTitle}》`, entry.channel && LABELS.channel[entry.channel], entry.staffName]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
          </View>
        ))}
      </View>

      {isOwner && <ReleaseForm leadId={lead.id} onReleased={onReleased} />}
    </View>
  );
}

import { useState } from 'react';
import { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS, type TimelineKind } from '@fenji/shared';
import { ensureSession } from '../../../../services/auth-guard';
import { getLead, type LeadDetailView } from '../../../../services/lead.service';
import { formatTime } from '../../../../utils/format-time.util';
import './index.css';

const TIMELINE_LABELS = {
  submission: '留资',
  visit: '访问',
  collision: '撞单',
  ownership: '归属',
  follow_up: '跟进',
} satisfies Record<TimelineKind, string>;

/** One lead: who they are, where they came from, and every touch on the timeline. */
export default function LeadDetailPage() {
  const { params } = useRouter();
  const leadId = params.id ?? '';
  const [lead, setLead] = useState<LeadDetailView | null>(null);
  const [failed, setFailed] = useState(false);

  useLoad(() => {
    if (!ensureSession()) return;
    getLead(leadId).then(setLead, () => setFailed(true));
  });

  if (!lead) return <View className='empty'>{failed ? '客户不存在或无权查看' : '加载中…'}</View>;

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
        </View>
        {lead.message ? <Text className='lead-detail__message'>留言：{lead.message}</Text> : null}
      </View>

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
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS, type LeadPageItem } from '@fenji/shared';
import { PAGES } from '../config/routes';
import { describeDue } from '../utils/follow-up-time.util';
import { formatTime } from '../utils/format-time.util';
import { Heat } from './heat';

/** One lead in 我的客户 (and its 待跟进 section): name, status, tags, heat, when to follow up. Tapping opens it. */
export function LeadRow({ lead, now, showDue }: { lead: LeadPageItem; now: Date; showDue?: boolean }) {
  const due = showDue && lead.nextFollowUpAt ? describeDue(lead.nextFollowUpAt, now) : null;
  return (
    <View className='card lead-item' onClick={() => void Taro.navigateTo({ url: PAGES.leadDetail(lead.id) })}>
      <View className='lead-item__row'>
        <Text className='lead-item__name'>{lead.name}</Text>
        <View>
          {lead.doNotContact && <Text className='tag tag--danger'>不再联系</Text>}
          <Text className={`tag tag--status-${lead.status}`}>{LABELS.leadStatus[lead.status]}</Text>
        </View>
      </View>
      {due && <Text className={`lead-item__due${due.overdue ? ' lead-item__due--overdue' : ''}`}>{due.text}</Text>}
      {(lead.tags?.length ?? 0) > 0 && (
        <View className='lead-item__tags'>
          {lead.tags!.slice(0, 4).map((tag) => (
            <Text key={tag.id} className='tag tag--tone-own'>
              {tag.name}
            </Text>
          ))}
        </View>
      )}
      <Heat score={lead.heat?.score} reason={lead.heat?.reason} />
      <View className='lead-item__row'>
        <Text className='lead-item__phone'>{lead.phone}</Text>
        <Text className='muted'>
          最近触达 {formatTime(lead.lastTouchAt, now)} · 共 {lead.touchCount} 次
        </Text>
      </View>
    </View>
  );
}

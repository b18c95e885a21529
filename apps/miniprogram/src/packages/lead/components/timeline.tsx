import { Text, View } from '@tarojs/components';
import { LABELS, type TimelineEntry, type TimelineKind } from '@fenji/shared';
import { formatTime } from '../../../utils/format-time.util';

const TIMELINE_LABELS = {
  submission: '留资',
  visit: '访问',
  collision: '撞单',
  ownership: '归属',
  follow_up: '跟进',
  status: '状态',
} satisfies Record<TimelineKind, string>;

/** Raw visit events some servers still put in `summary` (`dwell 3`, `form_open`), in words. */
const RAW_EVENTS: Record<string, (value: number | null) => string> = {
  view: () => '打开了页面',
  dwell: (v) => (v === null ? '在页面停留' : v >= 60 ? `在页面停留了 ${Math.round(v / 60)} 分钟` : `在页面停留了 ${v} 秒`),
  reshare: () => '转发给了朋友',
  form_open: () => '打开了留资表单',
  lead: () => '留下了联系方式',
};

/**
 * A timeline entry's sentence for people: the server's summary, except where it is a raw event code, which is put
 * into words; share codes and visitor ids never reach the screen.
 */
export function plainSummary(entry: TimelineEntry): string {
  const raw = /^\s*([a-z_]+)(?:\s+(\d+))?\s*$/.exec(entry.summary);
  if (raw && RAW_EVENTS[raw[1]]) return RAW_EVENTS[raw[1]](raw[2] === undefined ? null : Number(raw[2]));
  let text = entry.summary;
  if (entry.shareCode) text = text.split(entry.shareCode).join('');
  return text.replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '').replace(/\s{2,}/g, ' ').trim() || TIMELINE_LABELS[entry.kind];
}

/** Newest first, in plain Chinese: what happened, through which content and channel, by whom. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  if (sorted.length === 0) return <Text className='muted'>暂无记录</Text>;
  return <View className='timeline'>{sorted.map((entry, index) => <TimelineItem key={`${entry.at}-${index}`} entry={entry} />)}</View>;
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const summary = plainSummary(entry);
  // The person who acted is often the sentence's subject already: say it once.
  const who = entry.staffName && !summary.includes(entry.staffName) ? entry.staffName : null;
  const source = [entry.contentTitle && `《${entry.contentTitle}》`, entry.channel && LABELS.channel[entry.channel], who].filter(Boolean).join(' · ');
  return (
    <View className={`timeline-item timeline-item--${entry.kind}`}>
      <View className='timeline-item__head'>
        <Text className='tag'>{TIMELINE_LABELS[entry.kind]}</Text>
        <Text className='muted'>{formatTime(entry.at)}</Text>
      </View>
      <Text className='timeline-item__summary'>{summary}</Text>
      {source ? <Text className='muted timeline-item__source'>{source}</Text> : null}
    </View>
  );
}

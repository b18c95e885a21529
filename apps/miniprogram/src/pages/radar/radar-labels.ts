import { LABELS, type RadarItem } from '@fenji/shared';

/** `2 分 30 秒`, `45 秒`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} 分 ${s} 秒` : `${m} 分钟`;
}

/** What a radar item says, in a sentence for people: `第 3 次查看了《春季新品》` … */
export function describeRadarItem(item: RadarItem): string {
  const title = item.card ? '你的名片' : `《${item.content.title}》`;
  const nth = item.visitNumber && item.visitNumber > 1 ? `第 ${item.visitNumber} 次` : '';
  switch (item.type) {
    case 'view':
      return nth ? `${nth}查看了${title}` : `查看了${title}`;
    case 'dwell': {
      const parts = [`在${title}停留了 ${formatDuration(item.dwellSeconds ?? 0)}`];
      if (item.readPercent !== undefined) parts.push(item.readPercent >= 95 ? '读完了全文' : `读到 ${item.readPercent}%`);
      return parts.join('，');
    }
    case 'reshare':
      return item.reshareVisitors ? `把${title}转发给了朋友，已带来 ${item.reshareVisitors} 位新访客` : `把${title}转发给了朋友`;
    case 'form_open':
      return `在${title}打开了留资表单`;
    case 'lead':
      return `在${title}留下了联系方式`;
  }
}

/** `来自 微信好友 · 经 访客 3F2A 转发` when known. */
export function describeSource(item: RadarItem): string {
  return [item.channel ? `来自${LABELS.channel[item.channel]}` : '', item.viaLabel ? `经${item.viaLabel}转发` : ''].filter(Boolean).join(' · ');
}

export const RADAR_TYPE_LABELS = {
  view: '查看',
  dwell: '停留',
  reshare: '转发',
  form_open: '打开表单',
  lead: '留资',
} satisfies Record<RadarItem['type'], string>;

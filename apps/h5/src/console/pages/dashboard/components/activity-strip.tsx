import { Card, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ACTIVITY_LABELS, LABELS, type ActivityItem } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { formatRelative } from '../../../components/format';
import { ErrorState } from '../../../components/list-states';
import { fetchActivity, statsKeys } from '../service';

const TYPE_COLORS: Record<ActivityItem['type'], string> = {
  share: 'blue',
  view: 'default',
  reshare: 'geekblue',
  lead: 'green',
  collision: 'red',
  follow_up: 'cyan',
  converted: 'gold',
};

/** One event in words: "李娜 的分享 · 访客 3F2A 浏览了《净水器》". */
export function activitySentence(item: ActivityItem): string {
  const page = item.contentTitle ? `《${item.contentTitle}》` : '';
  const who = item.visitorLabel ?? '客户';
  const staff = item.staffName ?? '员工';
  switch (item.type) {
    case 'share':
      return `${staff} 分享了${page}${item.channel ? `到${LABELS.channel[item.channel]}` : ''}`;
    case 'view':
      return `${who} 浏览了 ${staff} 分享的${page}`;
    case 'reshare':
      return `${who} 转发了${page}`;
    case 'lead':
      return `${who} 在${page}留下了联系方式，归属 ${staff}`;
    case 'collision':
      return `${who} 被 ${staff} 的分享触达（撞单）`;
    case 'follow_up':
      return `${staff} 跟进了 ${who}`;
    case 'converted':
      return `${who} 成交，归属 ${staff}`;
  }
}

/** 实时动态: the newest events in scope, refreshed every 10 seconds. */
export function ActivityStrip() {
  const api = useApi();
  const activity = useQuery({ queryKey: statsKeys.of('activity', null), queryFn: () => fetchActivity(api), refetchInterval: 10_000 });
  const items = activity.data?.items ?? [];
  return (
    <Card size="small" title="实时动态" extra={<Typography.Text type="secondary">每 10 秒刷新</Typography.Text>} style={{ marginBottom: 16 }}>
      {activity.isPending ? (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      ) : activity.error ? (
        <ErrorState error={activity.error} onRetry={activity.refetch} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">暂时没有新动态</Typography.Text>
      ) : (
        <Flex className="activity-strip" gap={24} aria-live="polite">
          {items.slice(0, 8).map((item) => (
            <span key={item.id}>
              <Tag color={TYPE_COLORS[item.type]}>{ACTIVITY_LABELS[item.type]}</Tag>
              {activitySentence(item)}
              <Typography.Text type="secondary"> · {formatRelative(item.at)}</Typography.Text>
            </span>
          ))}
        </Flex>
      )}
    </Card>
  );
}

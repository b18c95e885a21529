import { Text, View } from '@tarojs/components';
import { HEAT_LABELS, heatLevel } from '@fenji/shared';

/** A heat score with its reason in words (`高意向 82 · 3 次查看 · 停留 4 分钟`); nothing without a score. */
export function Heat({ score, reason }: { score?: number; reason?: string }) {
  if (score === undefined) return null;
  const level = heatLevel(score);
  return (
    <View className={`heat heat--${level}`}>
      <Text className='heat__score'>
        {HEAT_LABELS[level]} {score}
      </Text>
      {reason ? <Text className='heat__reason'>{reason}</Text> : null}
    </View>
  );
}

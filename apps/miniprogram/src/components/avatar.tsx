import { Image, Text, View } from '@tarojs/components';
import { absoluteUrl } from '../utils/url.util';

/** A person's photo, or the first character of their name when they have none. */
export function Avatar({ url, name, size = 'md', className }: { url: string | null | undefined; name: string; size?: 'md' | 'lg'; className?: string }) {
  const src = absoluteUrl(url);
  const classes = `avatar avatar--${size}${className ? ` ${className}` : ''}`;
  if (src) return <Image className={classes} src={src} mode='aspectFill' />;
  return (
    <View className={classes}>
      <Text>{name.slice(0, 1)}</Text>
    </View>
  );
}

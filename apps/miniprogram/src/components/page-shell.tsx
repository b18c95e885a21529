import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { BRAND_STYLE } from '../config/brand';
import { useOnline } from '../hooks/use-online';

/**
 * Every page's frame: the brand's CSS variables (NutUI's theme included) and a banner while the phone is offline.
 */
export function PageShell({ className, children }: { className?: string; children: ReactNode }) {
  const online = useOnline();
  return (
    <View className={`page${className ? ` ${className}` : ''}`} style={BRAND_STYLE}>
      {!online && (
        <View className='offline-banner' id='offline-banner'>
          <Text>网络已断开，恢复后将自动刷新</Text>
        </View>
      )}
      {children}
    </View>
  );
}

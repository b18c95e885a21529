import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Popup } from './ui/popup';

/** A bottom sheet with a title: the follow-up, status, release and tag forms open in one. */
export function Sheet({ visible, title, onClose, children }: { visible: boolean; title: string; onClose: () => void; children: ReactNode }) {
  return (
    <Popup visible={visible} position='bottom' round closeable title={title} onClose={onClose} destroyOnClose>
      <View className='sheet'>{children}</View>
    </Popup>
  );
}

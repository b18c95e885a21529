import { useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { LABELS, type Content } from '@fenji/shared';
import { PAGES } from '../../config/routes';
import { ensureSession } from '../../services/auth-guard';
import { listContents } from '../../services/content.service';
import { formatTime } from '../../utils/format-time.util';
import './index.css';

export default function LibraryPage() {
  const [contents, setContents] = useState<Content[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);

  const load = async () => {
    try {
      setContents(await listContents());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoaded(true);
    }
  };

  useLoad(() => {
    if (ensureSession()) void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const open = (content: Content) => {
    void Taro.navigateTo({ url: PAGES.contentDetail(content.id) });
  };

  return (
    <View className='page library'>
      {contents.map((content) => (
        <View key={content.id} className='card content-item' onClick={() => open(content)}>
          {content.coverUrl ? (
            <Image className='content-item__cover' src={content.coverUrl} mode='aspectFill' lazyLoad />
          ) : null}
          <View className='content-item__main'>
            <View className='content-item__meta'>
              <Text className='tag'>{LABELS.contentKind[content.kind]}</Text>
              <Text className='muted'>{formatTime(content.publishedAt ?? content.updatedAt)}</Text>
            </View>
            <Text className='content-item__title'>{content.title}</Text>
            {content.summary !== '' && <Text className='content-item__summary'>{content.summary}</Text>}
          </View>
        </View>
      ))}

      {loaded && contents.length === 0 && (
        <View className='empty'>{failed ? '加载失败，下拉重试' : '总部还没有发布内容'}</View>
      )}
      {!loaded && <View className='empty'>加载中…</View>}
    </View>
  );
}

import { useEffect, useState } from 'react';
import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { LABELS, type Content, type Share } from '@fenji/shared';
import { RemoteState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { ShareView } from '../../../../components/share-view';
import { PAGES } from '../../../../config/routes';
import { useRemote } from '../../../../hooks/use-remote';
import { useShares } from '../../../../hooks/use-shares';
import { createShare } from '../../../../services/share.service';
import { ensureSession } from '../../../../services/auth-guard';
import { getContent } from '../../../../services/content.service';
import { formatTime } from '../../../../utils/format-time.util';
import { shareCodeFromParams } from '../../../../utils/share-code.util';
import { absoluteUrl } from '../../../../utils/url.util';
import './index.css';

/**
 * One content with its share actions: to a WeChat friend, to Moments, as a poster, as a link. Sharing is one tap
 * through WeChat's own share sheet; nothing is rewarded or unlocked by sharing. Opened from Moments (`?code=`,
 * without login in single-page mode), the page shows the share as customers see it.
 */
export default function ContentDetailPage() {
  const inWechat = process.env.TARO_ENV === 'weapp';
  const { params } = useRouter();
  const contentId = params.id ?? '';
  const visitorCode = shareCodeFromParams(params);

  const remote = useRemote<Content>(() => getContent(contentId));
  const content = remote.data;
  const [copying, setCopying] = useState(false);
  const { shares, ensure, current } = useShares(content ? (channel) => createShare({ contentId: content.id, channel }) : null);

  useLoad(() => {
    if (visitorCode || !ensureSession()) return;
    void remote.reload();
  });

  // WeChat asks for the share card synchronously, so the friend and Moments shares are made as the page opens.
  useEffect(() => {
    if (!content || !inWechat) return;
    ensure('wechat_friend').catch(() => undefined);
    ensure('moments').catch(() => undefined);
  }, [content, ensure, inWechat]);

  const card = (share: Share) => ({
    title: content?.title ?? '',
    path: PAGES.landing(share.code),
    imageUrl: absoluteUrl(content?.coverUrl),
  });

  useShareAppMessage(() => {
    const share = current('wechat_friend');
    if (share) return card(share);
    // Not made yet: WeChat waits up to 3 s for the promise.
    return { ...card({ code: '', url: '' }), promise: ensure('wechat_friend').then(card) };
  });

  useShareTimeline(() => {
    const share = current('moments');
    return {
      title: content?.title ?? '',
      query: share ? `code=${encodeURIComponent(share.code)}` : '',
      imageUrl: absoluteUrl(content?.coverUrl),
    };
  });

  const copyLink = async () => {
    setCopying(true);
    try {
      const share = await ensure('link');
      try {
        await Taro.setClipboardData({ data: share.url });
        // WeChat shows its own "内容已复制" toast.
        if (!inWechat) void Taro.showToast({ title: '链接已复制', icon: 'success' });
      } catch {
        void Taro.showToast({ title: '复制失败，请长按下方链接手动复制', icon: 'none' });
      }
    } catch {
      // The request wrapper has shown why.
    } finally {
      setCopying(false);
    }
  };

  const openLink = (url: string) => {
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank', 'noopener');
  };

  if (visitorCode) return <ShareView code={visitorCode} />;

  if (!content) {
    return (
      <PageShell className='content-detail'>
        <RemoteState error={remote.error} onRetry={() => void remote.reload()} notFound='内容不存在或已下架' />
      </PageShell>
    );
  }

  const linkUrl = shares.link?.url;

  return (
    <PageShell className='content-detail'>
      <View className='card'>
        {absoluteUrl(content.coverUrl) ? <Image className='content-detail__cover' src={absoluteUrl(content.coverUrl) ?? ''} mode='widthFix' /> : null}
        <View className='content-detail__meta'>
          <Text className='tag'>{LABELS.contentKind[content.kind]}</Text>
          <Text className='muted'>{formatTime(content.publishedAt ?? content.updatedAt)}</Text>
        </View>
        <Text className='content-detail__title'>{content.title}</Text>
        {content.summary !== '' && <Text className='content-detail__summary'>{content.summary}</Text>}
        <Text className='content-detail__body' userSelect>
          {content.body}
        </Text>
      </View>

      <View className='card share-actions'>
        <Text className='share-actions__title'>分享</Text>
        {inWechat && (
          <Button className='btn-primary' openType='share'>
            分享给微信好友
          </Button>
        )}
        <Button className='btn-plain' onClick={() => void Taro.navigateTo({ url: PAGES.poster({ contentId: content.id }) })}>
          生成海报
        </Button>
        <Button className='btn-plain' loading={copying} disabled={copying} onClick={copyLink}>
          复制链接
        </Button>
        {inWechat && <Text className='muted share-actions__hint'>分享到朋友圈：点右上角「···」选择「分享到朋友圈」</Text>}
        {linkUrl && (
          <View className='share-url'>
            <Text className='muted'>客户打开此链接即可查看：</Text>
            <Text id='share-url' className='share-url__text' userSelect>
              {linkUrl}
            </Text>
            {process.env.TARO_ENV === 'h5' && (
              <Text className='link' onClick={() => openLink(linkUrl)}>
                在新窗口打开
              </Text>
            )}
          </View>
        )}
      </View>
    </PageShell>
  );
}

import { useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Card, Share } from '@fenji/shared';
import { Avatar } from '../../../../components/avatar';
import { RemoteState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { ShareView } from '../../../../components/share-view';
import { isH5, isWeapp } from '../../../../config/platform';
import { PAGES } from '../../../../config/routes';
import { useRemote } from '../../../../hooks/use-remote';
import { useShares } from '../../../../hooks/use-shares';
import { ensureSession } from '../../../../services/auth-guard';
import { copyText } from '../../../../services/contact.service';
import { getMyCard, shareMyCard } from '../../../../services/card.service';
import { shareCodeFromParams } from '../../../../utils/share-code.util';
import { absoluteUrl } from '../../../../utils/url.util';
import './index.css';

/** A contact on my card, and whether customers see it. */
function ContactLine({ label, value, shown }: { label: string; value: string | null; shown: boolean }) {
  return (
    <Text className='my-card__contact'>
      {label}：{value ?? '未填写'}
      {value && !shown ? <Text className='my-card__hidden'>（客户看不到）</Text> : null}
    </Text>
  );
}

/** My card as customers will see it: only what I chose to show. */
function CardPreview({ card }: { card: Card }) {
  return (
    <View className='card my-card' id='my-card'>
      <View className='my-card__head'>
        <Avatar url={card.avatarUrl} name={card.name} size='lg' />
        <View className='my-card__who'>
          <Text className='my-card__name'>{card.name}</Text>
          <Text className='muted'>{[card.title, card.branchName].filter(Boolean).join(' · ') || '还没有填写职位'}</Text>
        </View>
      </View>
      {card.intro ? <Text className='my-card__intro'>{card.intro}</Text> : null}
      <View className='my-card__contacts'>
        <ContactLine label='电话' value={card.phone} shown={card.showPhone} />
        <ContactLine label='微信' value={card.wechatId} shown={card.showWechatId} />
      </View>
      <Text className='muted my-card__featured'>推荐内容 {card.featuredContentIds.length} 篇</Text>
    </View>
  );
}

/**
 * 我的名片: a preview and the ways to share it (WeChat friend, Moments, poster, link). Opened with `?code=` (from
 * Moments' single-page mode, without login) it shows the shared card as customers see it.
 */
export default function CardSharePage() {
  const { params } = useRouter();
  const visitorCode = shareCodeFromParams(params);
  const card = useRemote(getMyCard);
  const { shares, ensure, current } = useShares(card.data ? shareMyCard : null);
  const [copying, setCopying] = useState(false);

  useDidShow(() => {
    if (!visitorCode && ensureSession()) void card.reload();
  });

  // WeChat asks for the share card synchronously, so the friend and Moments shares are made as the page opens.
  useEffect(() => {
    if (!card.data || !isWeapp()) return;
    ensure('wechat_friend').catch(() => undefined);
    ensure('moments').catch(() => undefined);
  }, [card.data, ensure]);

  const title = card.data ? `${card.data.name}的名片${card.data.title ? ` · ${card.data.title}` : ''}` : '名片';
  const shareCard = (share: Share) => ({ title, path: PAGES.landing(share.code), imageUrl: absoluteUrl(card.data?.avatarUrl) });

  useShareAppMessage(() => {
    const share = current('wechat_friend');
    if (share) return shareCard(share);
    return { ...shareCard({ code: '', url: '' }), promise: ensure('wechat_friend').then(shareCard) };
  });
  useShareTimeline(() => {
    const share = current('moments');
    return { title, query: share ? `code=${encodeURIComponent(share.code)}` : '', imageUrl: absoluteUrl(card.data?.avatarUrl) };
  });

  const copyLink = async () => {
    setCopying(true);
    try {
      const share = await ensure('link');
      await copyText(share.url, '链接');
    } catch {
      // The request wrapper has shown why.
    } finally {
      setCopying(false);
    }
  };

  if (visitorCode) return <ShareView code={visitorCode} />;

  if (!card.data) {
    return (
      <PageShell className='card-share'>
        <RemoteState error={card.error} onRetry={() => void card.reload()} />
      </PageShell>
    );
  }

  const linkUrl = shares.link?.url;

  return (
    <PageShell className='card-share'>
      <CardPreview card={card.data} />
      <Text className='link card-share__edit' onClick={() => void Taro.navigateTo({ url: PAGES.cardEdit })}>
        编辑名片
      </Text>

      <View className='card share-actions'>
        <Text className='section-title'>分享名片</Text>
        {isWeapp() && (
          <Button className='btn-primary' openType='share'>
            发给微信好友
          </Button>
        )}
        <Button className='btn-plain' onClick={() => void Taro.navigateTo({ url: PAGES.poster({ card: true }) })}>
          生成名片海报
        </Button>
        <Button className='btn-plain' id='card-copy-link' loading={copying} disabled={copying} onClick={() => void copyLink()}>
          复制名片链接
        </Button>
        {isWeapp() && <Text className='muted card-share__hint'>分享到朋友圈：点右上角「···」选择「分享到朋友圈」</Text>}
        {linkUrl && (
          <View className='share-url'>
            <Text className='muted'>客户打开此链接即可查看你的名片：</Text>
            <Text id='card-share-url' className='share-url__text' userSelect>
              {linkUrl}
            </Text>
            {isH5() && (
              <Text className='link' onClick={() => window.open(linkUrl, '_blank', 'noopener')}>
                在新窗口打开
              </Text>
            )}
          </View>
        )}
      </View>
    </PageShell>
  );
}

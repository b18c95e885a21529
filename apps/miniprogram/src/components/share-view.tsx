import Taro, { useLoad } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { LABELS, shareCodeSchema, type PublicShareView } from '@fenji/shared';
import { PAGES } from '../config/routes';
import { isWeapp } from '../config/platform';
import { useRemote } from '../hooks/use-remote';
import { getPublicShare } from '../services/public-share.service';
import { absoluteUrl } from '../utils/url.util';
import { Avatar } from './avatar';
import { RemoteState } from './list-state';
import { PageShell } from './page-shell';

/** Moments' single-page mode (scene 1154): no navigation, no web-view, no login. */
function inTimelineSinglePage(): boolean {
  if (!isWeapp()) return false;
  try {
    return Taro.getLaunchOptionsSync().scene === 1154;
  } catch {
    return false;
  }
}

function SharerCard({ sharer }: { sharer: PublicShareView['sharer'] }) {
  return (
    <View className='card share-view__sharer'>
      <Avatar url={sharer.avatarUrl} name={sharer.name} size='lg' />
      <View className='share-view__who'>
        <Text className='share-view__name'>{sharer.name}</Text>
        <Text className='muted'>{[sharer.title, sharer.branchName].filter(Boolean).join(' · ')}</Text>
        {sharer.intro ? <Text className='share-view__intro'>{sharer.intro}</Text> : null}
        {sharer.phone ? <Text className='share-view__contact'>电话 {sharer.phone}</Text> : null}
        {sharer.wechatId ? <Text className='share-view__contact'>微信 {sharer.wechatId}</Text> : null}
      </View>
    </View>
  );
}

/**
 * A share as customers see it, rendered from data (`GET /api/public/shares/:code`) without a session: the page
 * `onShareTimeline` opens in Moments' single-page mode, and what a poster's mini-program code opens. Outside
 * single-page mode it offers the full landing page (with the lead form) in a web-view.
 */
export function ShareView({ code }: { code: string }) {
  const valid = shareCodeSchema.safeParse(code).success;
  const view = useRemote(() => getPublicShare(code));
  const single = inTimelineSinglePage();

  useLoad(() => {
    if (valid) void view.reload();
  });

  if (!valid) {
    return (
      <PageShell className='share-view'>
        <View className='state'>
          <Text className='state__title'>链接已失效或不完整</Text>
        </View>
      </PageShell>
    );
  }
  const data = view.data;
  if (!data) {
    return (
      <PageShell className='share-view'>
        <RemoteState error={view.error} onRetry={() => void view.reload()} notFound='内容已下架或链接已失效' />
      </PageShell>
    );
  }

  const content = data.content;
  const cover = absoluteUrl(content?.coverUrl);
  return (
    <PageShell className='share-view'>
      {content ? (
        <View className='card'>
          {cover ? <Image className='share-view__cover' src={cover} mode='widthFix' /> : null}
          <Text className='tag'>{LABELS.contentKind[content.kind]}</Text>
          <Text className='share-view__title'>{content.title}</Text>
          {content.summary ? <Text className='share-view__summary'>{content.summary}</Text> : null}
          <Text className='share-view__body' userSelect>
            {content.body}
          </Text>
        </View>
      ) : null}
      <SharerCard sharer={data.sharer} />
      {single ? (
        <Text className='muted share-view__hint'>点击下方「前往小程序」，可以留下联系方式，{data.sharer.name} 会尽快联系你</Text>
      ) : (
        <Button className='btn-primary' onClick={() => void Taro.navigateTo({ url: PAGES.landing(code) })}>
          {content ? '留下联系方式' : `联系 ${data.sharer.name}`}
        </Button>
      )}
    </PageShell>
  );
}

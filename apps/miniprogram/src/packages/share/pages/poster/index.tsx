import { useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { Share } from '@fenji/shared';
import { ErrorState, LoadingState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { PrivacyPopup } from '../../../../components/privacy-popup';
import { isWeapp } from '../../../../config/platform';
import { useRemote } from '../../../../hooks/use-remote';
import { ensureSession } from '../../../../services/auth-guard';
import { shareMyCard } from '../../../../services/card.service';
import { downloadPoster, savePosterToAlbum } from '../../../../services/poster.service';
import { createShare } from '../../../../services/share.service';
import './index.css';

const SAVE_MESSAGES = {
  saved: '已保存到相册',
  browser: '海报已下载',
  declined: '需要同意隐私指引才能保存',
  denied: '没有相册权限，无法保存',
  failed: '保存失败，请重试',
} as const;

interface Poster {
  share: Share;
  path: string;
}

/**
 * 海报: a poster of a content (`?contentId=`) or of my card (`?card=1`) with my name and a code that leads to this
 * share (the mini-program code in WeChat, a QR of the link in the browser), to save and post to Moments.
 */
export default function PosterPage() {
  const { params } = useRouter();
  const forCard = params.card === '1';
  const contentId = params.contentId ?? '';
  const [saving, setSaving] = useState(false);
  const poster = useRemote<Poster>(async () => {
    const share = forCard ? await shareMyCard('poster') : await createShare({ contentId, channel: 'poster' });
    return { share, path: await downloadPoster(share.code) };
  });

  useLoad(() => {
    if (ensureSession()) void poster.reload();
  });

  const save = async () => {
    if (!poster.data) return;
    setSaving(true);
    try {
      const result = await savePosterToAlbum(poster.data.path, `海报-${poster.data.share.code}.png`);
      void Taro.showToast({ title: SAVE_MESSAGES[result], icon: result === 'saved' || result === 'browser' ? 'success' : 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell className='poster'>
      {poster.data ? (
        <>
          <View className='poster__frame'>
            <Image id='poster-image' className='poster__image' src={poster.data.path} mode='widthFix' showMenuByLongpress />
          </View>
          <Button className='btn-primary' loading={saving} disabled={saving} onClick={() => void save()}>
            {isWeapp() ? '保存到相册' : '下载海报'}
          </Button>
          <Text className='muted poster__hint'>
            {isWeapp() ? '保存后发到朋友圈，客户扫码即可打开，留资会记在你名下' : '也可以长按图片保存；客户扫码即可打开，留资会记在你名下'}
          </Text>
        </>
      ) : poster.error ? (
        <ErrorState error={poster.error} onRetry={() => void poster.reload()} />
      ) : (
        <LoadingState text='正在生成海报…' />
      )}
      {isWeapp() && <PrivacyPopup />}
    </PageShell>
  );
}

import Taro from '@tarojs/taro';
import { API } from '@fenji/shared';
import { apiBase } from '../config/env';
import { isWeapp } from '../config/platform';
import { ensurePrivacyAgreed } from './privacy.service';
import { withSession } from './request';

/** `GET /api/shares/:code/poster.png`; in WeChat with the mini-program code (`?wxacode=1`) instead of a QR. */
export function posterUrl(code: string): string {
  return `${apiBase()}${API.sharePoster(code)}${isWeapp() ? '?wxacode=1' : ''}`;
}

/** Downloads the poster with the session's token; resolves with a local path (WeChat) or a blob URL (browser). */
export async function downloadPoster(code: string): Promise<string> {
  const res = await withSession((token) => Taro.downloadFile({ url: posterUrl(code), header: { Authorization: `Bearer ${token}` } }));
  return res.tempFilePath;
}

export type SaveResult = 'saved' | 'declined' | 'denied' | 'failed' | 'browser';

/**
 * Saves a downloaded poster to the phone's album: WeChat's privacy authorisation first, then `scope.writePhotosAlbum`
 * (asked once; after a refusal the person is offered the settings page). In the browser the image is downloaded
 * as a file instead ('browser').
 */
export async function savePosterToAlbum(filePath: string, fileName: string): Promise<SaveResult> {
  if (!isWeapp()) {
    const a = document.createElement('a');
    a.href = filePath;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return 'browser';
  }
  if (!(await ensurePrivacyAgreed())) return 'declined';
  const setting = await Taro.getSetting();
  const scope = 'scope.writePhotosAlbum';
  if (setting.authSetting[scope] === false) {
    const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '保存海报需要允许「保存到相册」，去设置里打开吗？', confirmText: '去设置' });
    if (!confirm) return 'denied';
    const after = await Taro.openSetting();
    if (!after.authSetting[scope]) return 'denied';
  } else if (setting.authSetting[scope] !== true) {
    try {
      await Taro.authorize({ scope });
    } catch {
      return 'denied';
    }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch {
    return 'failed';
  }
}

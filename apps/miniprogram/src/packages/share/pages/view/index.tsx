import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { ShareView } from '../../../../components/share-view';
import { PAGES } from '../../../../config/routes';
import { shareCodeFromParams } from '../../../../utils/share-code.util';

/**
 * A share as customers see it, without login: what a poster's mini-program code (`?scene=`) opens. Passing it on
 * keeps the same share, so visits stay attributed to the staff member who shared it.
 */
export default function ShareViewPage() {
  const { params } = useRouter();
  const code = shareCodeFromParams(params);
  useShareAppMessage(() => (code ? { path: PAGES.shareView(code) } : {}));
  useShareTimeline(() => ({ query: code ? `code=${encodeURIComponent(code)}` : '' }));
  return <ShareView code={code} />;
}

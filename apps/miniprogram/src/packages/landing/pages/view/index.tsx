import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { LandingWebView } from '../../../../components/landing-web-view';
import { PAGES } from '../../../../config/routes';
import { shareCodeFromParams } from '../../../../utils/share-code.util';

/**
 * What a friend opens from a shared card (`?code=`) or a mini-program code (`?scene=`): the customer landing page
 * in a web-view. No login here: the visitor is a customer, not staff.
 */
export default function LandingViewPage() {
  const { params } = useRouter();
  const code = shareCodeFromParams(params);

  // Passing the card on keeps the same share, so the visit stays attributed to the staff member who shared it.
  useShareAppMessage(() => (code ? { path: PAGES.landing(code) } : {}));

  return <LandingWebView code={code} />;
}

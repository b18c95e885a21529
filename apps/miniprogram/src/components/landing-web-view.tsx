import { Text, View, WebView } from '@tarojs/components';
import { API, shareCodeSchema } from '@fenji/shared';
import { landingBase } from '../config/env';

/** The customer landing page of a share (`<PUBLIC_BASE>/s/<code>`), or a notice when the code is not one. */
export function LandingWebView({ code }: { code: string }) {
  if (!shareCodeSchema.safeParse(code).success) {
    return (
      <View className='empty'>
        <Text>链接已失效或不完整</Text>
      </View>
    );
  }
  return <WebView src={landingBase() + API.landing(code)} />;
}

import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listenForPrivacyRequests, PRIVACY_AGREE_BUTTON_ID, type PrivacyResolve } from '../services/privacy.service';
import { Popup } from './ui/popup';

/**
 * WeChat's privacy authorisation, in the app's words: shown when WeChat needs the person's agreement before a
 * personal-data API (saving to the album). Agreeing goes through WeChat's own `agreePrivacyAuthorization` button.
 */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false);
  const resolver = useRef<PrivacyResolve | null>(null);

  useEffect(
    () =>
      listenForPrivacyRequests((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const answer = (agree: boolean) => {
    resolver.current?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
    resolver.current = null;
    setOpen(false);
  };

  return (
    <Popup visible={open} position='bottom' round title='隐私保护提示' onClose={() => (resolver.current ? answer(false) : undefined)}>
      <View className='sheet privacy-popup'>
        <Text className='privacy-popup__text'>
          保存海报需要使用「保存到相册」。使用前请阅读
          <Text className='link' onClick={() => void Promise.resolve(Taro.openPrivacyContract({})).catch(() => undefined)}>
            《分机小程序隐私保护指引》
          </Text>
          ，同意后才能继续。
        </Text>
        <View className='sheet__actions'>
          <Button className='btn-plain' onClick={() => answer(false)}>
            拒绝
          </Button>
          <Button className='btn-primary' id={PRIVACY_AGREE_BUTTON_ID} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answer(true)}>
            同意
          </Button>
        </View>
      </View>
    </Popup>
  );
}

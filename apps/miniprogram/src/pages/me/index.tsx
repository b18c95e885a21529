import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, type SessionUser } from '@fenji/shared';
import { PAGES } from '../../config/routes';
import { ensureSession } from '../../services/auth-guard';
import { fetchMe } from '../../services/auth.service';
import { clearSession, getSessionUser, saveSessionUser } from '../../services/session.service';
import './index.css';

/** 我的: who is signed in, and the way out. */
export default function MePage() {
  const [user, setUser] = useState<SessionUser | null>(() => getSessionUser());

  useDidShow(() => {
    if (!ensureSession()) return;
    fetchMe().then(
      (me) => {
        saveSessionUser(me);
        setUser(me);
      },
      () => undefined,
    );
  });

  const logout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？' });
    if (!confirm) return;
    clearSession();
    await Taro.reLaunch({ url: PAGES.login });
  };

  return (
    <View className='page me'>
      <View className='card me__profile'>
        <Text className='me__name'>{user?.name ?? '—'}</Text>
        <View className='me__facts'>
          <Text className='tag'>{user ? LABELS.role[user.role] : '—'}</Text>
          <Text className='muted'>{user?.branchId ? `所属门店：${user.branchName ?? '—'}` : '总部'}</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='muted'>
          分享由你本人通过微信完成，客户留下联系方式前会看到隐私说明并主动同意。
        </Text>
      </View>

      <View className='card'>
        <Button className='btn-plain' onClick={logout}>
          退出登录
        </Button>
      </View>
    </View>
  );
}

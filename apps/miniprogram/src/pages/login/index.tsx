import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  BRAND,
  activateRequestSchema,
  loginRequestSchema,
  wechatBindRequestSchema,
  type ActivateRequest,
  type LoginRequest,
  type WechatBindRequest,
} from '@fenji/shared';
import { Field } from '../../components/field';
import { PageShell } from '../../components/page-shell';
import { isWeapp } from '../../config/platform';
import { useForm } from '../../hooks/use-form';
import { ApiError } from '../../services/api-error';
import { goHome } from '../../services/auth-guard';
import { activateAccount, bindWechat, loginWithPassword, loginWithWechatCode } from '../../services/auth.service';
import { hasSession } from '../../services/session.service';
import './index.css';

type Mode = 'wechat' | 'bind' | 'password' | 'activate';

export default function LoginPage() {
  const inWechat = isWeapp();
  const [mode, setMode] = useState<Mode>(inWechat ? 'wechat' : 'password');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [bindTicket, setBindTicket] = useState('');
  const [wechatError, setWechatError] = useState('');
  const [wechatBusy, setWechatBusy] = useState(false);

  const login = useForm<LoginRequest, 'phone' | 'password'>(loginRequestSchema);
  const activate = useForm<ActivateRequest, 'inviteCode' | 'password'>(activateRequestSchema);
  const bind = useForm<WechatBindRequest, 'inviteCode' | 'bindTicket'>(wechatBindRequestSchema);

  useLoad(() => {
    if (hasSession()) goHome();
  });

  const switchMode = (next: Mode) => {
    setMode(next);
    setWechatError('');
    login.reset();
    activate.reset();
    bind.reset();
  };

  const submitLogin = () =>
    void login.submit({ phone, password }, async (body) => {
      await loginWithPassword(body);
      goHome();
    });

  const submitActivate = () =>
    void activate.submit({ inviteCode, password: newPassword }, async (body) => {
      await activateAccount(body);
      goHome();
    });

  const submitBind = () => {
    if (!bindTicket) {
      setWechatError('微信登录已失效，请重新点击微信登录');
      return;
    }
    void bind.submit({ bindTicket, inviteCode }, async (body) => {
      await bindWechat(body);
      goHome();
    });
  };

  const wechatLogin = async () => {
    setWechatBusy(true);
    setWechatError('');
    try {
      const { code } = await Taro.login();
      if (!code) throw new ApiError({ statusCode: 0, code: 'WECHAT_CODE_INVALID', message: '微信登录失败，请重试' });
      const res = await loginWithWechatCode(code);
      if ('bindTicket' in res) {
        setBindTicket(res.bindTicket);
        switchMode('bind');
        return;
      }
      goHome();
    } catch (error) {
      setWechatError(error instanceof ApiError ? error.message : '微信登录失败，请重试');
    } finally {
      setWechatBusy(false);
    }
  };

  const formError = { wechat: wechatError, bind: bind.formError || wechatError, password: login.formError, activate: activate.formError }[mode];

  return (
    <PageShell className='login'>
      <View className='login__brand'>
        <Text className='login__title'>{BRAND.name}</Text>
        <Text className='login__subtitle'>员工工作台</Text>
      </View>

      {mode === 'wechat' && (
        <View className='card'>
          <Button className='btn-primary' loading={wechatBusy} disabled={wechatBusy} onClick={() => void wechatLogin()}>
            微信登录
          </Button>
          <View className='login__switch'>
            <Text className='link' onClick={() => switchMode('password')}>
              使用手机号和密码登录
            </Text>
          </View>
        </View>
      )}

      {mode === 'bind' && (
        <View className='card'>
          <Text className='login__hint'>首次用微信登录，请输入总部发给你的邀请码完成绑定。</Text>
          <Field label='邀请码' error={bind.errors.inviteCode}>
            <Input className='field__input' placeholder='邀请码' maxlength={16} value={inviteCode} onInput={(e) => setInviteCode(e.detail.value)} />
          </Field>
          <Button className='btn-primary' loading={bind.busy} disabled={bind.busy} onClick={submitBind}>
            绑定并登录
          </Button>
          <View className='login__switch'>
            <Text className='link' onClick={() => switchMode('wechat')}>
              返回
            </Text>
          </View>
        </View>
      )}

      {mode === 'password' && (
        <View className='card'>
          <Field label='手机号' error={login.errors.phone}>
            <Input className='field__input' type='number' placeholder='手机号' maxlength={20} value={phone} onInput={(e) => setPhone(e.detail.value)} />
          </Field>
          <Field label='密码' error={login.errors.password}>
            <Input
              className='field__input'
              password
              placeholder='密码'
              maxlength={72}
              value={password}
              onInput={(e) => setPassword(e.detail.value)}
              onConfirm={submitLogin}
            />
          </Field>
          <Button className='btn-primary' loading={login.busy} disabled={login.busy} onClick={submitLogin}>
            登录
          </Button>
          <View className='login__switch'>
            <Text className='link' onClick={() => switchMode('activate')}>
              首次使用？用邀请码激活
            </Text>
            {inWechat && (
              <Text className='link' onClick={() => switchMode('wechat')}>
                微信登录
              </Text>
            )}
          </View>
        </View>
      )}

      {mode === 'activate' && (
        <View className='card'>
          <Text className='login__hint'>输入总部发给你的邀请码，并设置登录密码。</Text>
          <Field label='邀请码' error={activate.errors.inviteCode}>
            <Input className='field__input' placeholder='邀请码' maxlength={16} value={inviteCode} onInput={(e) => setInviteCode(e.detail.value)} />
          </Field>
          <Field label='新密码' error={activate.errors.password}>
            <Input
              className='field__input'
              password
              placeholder='设置密码（至少 8 位）'
              maxlength={72}
              value={newPassword}
              onInput={(e) => setNewPassword(e.detail.value)}
              onConfirm={submitActivate}
            />
          </Field>
          <Button className='btn-primary' loading={activate.busy} disabled={activate.busy} onClick={submitActivate}>
            激活并登录
          </Button>
          <View className='login__switch'>
            <Text className='link' onClick={() => switchMode('password')}>
              已有密码？返回登录
            </Text>
          </View>
        </View>
      )}

      {formError !== '' && (
        <Text id='login-error' className='field__error login__error'>
          {formError}
        </Text>
      )}
    </PageShell>
  );
}

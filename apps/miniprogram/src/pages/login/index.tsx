import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { activateRequestSchema, loginRequestSchema, wechatBindRequestSchema } from '@fenji/shared';
import { ApiError } from '../../services/api-error';
import { goHome } from '../../services/auth-guard';
import { activateAccount, bindWechat, loginWithPassword, loginWithWechatCode } from '../../services/auth.service';
import { hasSession } from '../../services/session.service';
import { fieldErrors, type FieldErrors } from '../../utils/form-errors.util';
import './index.css';

type Mode = 'wechat' | 'bind' | 'password' | 'activate';

function FieldError({ message }: { message?: string }) {
  return message ? <Text className='field__error'>{message}</Text> : null;
}

export default function LoginPage() {
  const inWechat = process.env.TARO_ENV === 'weapp';
  const [mode, setMode] = useState<Mode>(inWechat ? 'wechat' : 'password');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState('');

  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [loginErrors, setLoginErrors] = useState<FieldErrors<'phone' | 'password'>>({});

  const [inviteCode, setInviteCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [activateErrors, setActivateErrors] = useState<FieldErrors<'inviteCode' | 'password'>>({});

  const [bindTicket, setBindTicket] = useState('');
  const [bindErrors, setBindErrors] = useState<FieldErrors<'inviteCode' | 'bindTicket'>>({});

  useLoad(() => {
    if (hasSession()) goHome();
  });

  const switchMode = (next: Mode) => {
    setMode(next);
    setFormError('');
  };

  /** Runs one call to the API; its error message is toasted by the request wrapper and kept on the page. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFormError('');
    try {
      await action();
    } catch (error) {
      setFormError(error instanceof ApiError ? error.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const submitLogin = () => {
    const parsed = loginRequestSchema.safeParse({ phone, password });
    if (!parsed.success) {
      setLoginErrors(fieldErrors(parsed.error));
      return;
    }
    setLoginErrors({});
    void run(async () => {
      await loginWithPassword(parsed.data);
      goHome();
    });
  };

  const submitActivate = () => {
    const parsed = activateRequestSchema.safeParse({ inviteCode, password: newPassword });
    if (!parsed.success) {
      setActivateErrors(fieldErrors(parsed.error));
      return;
    }
    setActivateErrors({});
    void run(async () => {
      await activateAccount(parsed.data);
      goHome();
    });
  };

  const wechatLogin = () => {
    void run(async () => {
      const { code } = await Taro.login();
      if (!code) throw new ApiError({ statusCode: 0, code: 'WECHAT_CODE_INVALID', message: '微信登录失败，请重试' });
      const res = await loginWithWechatCode(code);
      if ('bindTicket' in res) {
        setBindTicket(res.bindTicket);
        switchMode('bind');
        return;
      }
      goHome();
    });
  };

  const submitBind = () => {
    const parsed = wechatBindRequestSchema.safeParse({ bindTicket, inviteCode });
    if (!parsed.success) {
      const errors = fieldErrors<'inviteCode' | 'bindTicket'>(parsed.error);
      setBindErrors(errors);
      if (errors.bindTicket) setFormError('微信登录已失效，请重新点击微信登录');
      return;
    }
    setBindErrors({});
    void run(async () => {
      await bindWechat(parsed.data);
      goHome();
    });
  };

  return (
    <View className='page login'>
      <View className='login__brand'>
        <Text className='login__title'>分机</Text>
        <Text className='login__subtitle'>员工工作台</Text>
      </View>

      {mode === 'wechat' && (
        <View className='card'>
          <Button className='btn-primary' loading={busy} disabled={busy} onClick={wechatLogin}>
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
          <View className='field'>
            <Text className='field__label'>邀请码</Text>
            <Input
              className='field__input'
              placeholder='邀请码'
              maxlength={16}
              value={inviteCode}
              onInput={(e) => setInviteCode(e.detail.value)}
            />
            <FieldError message={bindErrors.inviteCode} />
          </View>
          <Button className='btn-primary' loading={busy} disabled={busy} onClick={submitBind}>
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
          <View className='field'>
            <Text className='field__label'>手机号</Text>
            <Input
              className='field__input'
              type='number'
              placeholder='手机号'
              maxlength={20}
              value={phone}
              onInput={(e) => setPhone(e.detail.value)}
            />
            <FieldError message={loginErrors.phone} />
          </View>
          <View className='field'>
            <Text className='field__label'>密码</Text>
            <Input
              className='field__input'
              password
              placeholder='密码'
              maxlength={72}
              value={password}
              onInput={(e) => setPassword(e.detail.value)}
              onConfirm={submitLogin}
            />
            <FieldError message={loginErrors.password} />
          </View>
          <Button className='btn-primary' loading={busy} disabled={busy} onClick={submitLogin}>
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
          <View className='field'>
            <Text className='field__label'>邀请码</Text>
            <Input
              className='field__input'
              placeholder='邀请码'
              maxlength={16}
              value={inviteCode}
              onInput={(e) => setInviteCode(e.detail.value)}
            />
            <FieldError message={activateErrors.inviteCode} />
          </View>
          <View className='field'>
            <Text className='field__label'>新密码</Text>
            <Input
              className='field__input'
              password
              placeholder='设置密码（至少 8 位）'
              maxlength={72}
              value={newPassword}
              onInput={(e) => setNewPassword(e.detail.value)}
              onConfirm={submitActivate}
            />
            <FieldError message={activateErrors.password} />
          </View>
          <Button className='btn-primary' loading={busy} disabled={busy} onClick={submitActivate}>
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
    </View>
  );
}

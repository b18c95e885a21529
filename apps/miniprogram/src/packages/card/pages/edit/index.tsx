import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { updateCardRequestSchema, type Card, type Content, type UpdateCardRequest } from '@fenji/shared';
import { Avatar } from '../../../../components/avatar';
import { Field, FieldError } from '../../../../components/field';
import { ErrorState, RemoteState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { Switch } from '../../../../components/ui/switch';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { ApiError } from '../../../../services/api-error';
import { ensureSession } from '../../../../services/auth-guard';
import { getMyCard, updateMyCard, uploadImage } from '../../../../services/card.service';
import { listContents } from '../../../../services/content.service';
import './index.css';

const MAX_FEATURED = 6;

type FieldName = keyof UpdateCardRequest;

interface Draft {
  title: string;
  phone: string;
  showPhone: boolean;
  wechatId: string;
  showWechatId: boolean;
  intro: string;
  avatarUrl: string | null;
  featuredContentIds: string[];
}

const draftOf = (card: Card): Draft => ({
  title: card.title,
  phone: card.phone ?? '',
  showPhone: card.showPhone,
  wechatId: card.wechatId ?? '',
  showWechatId: card.showWechatId,
  intro: card.intro,
  avatarUrl: card.avatarUrl,
  featuredContentIds: card.featuredContentIds,
});

/** The request body: empty text fields clear the value. */
const bodyOf = (d: Draft): UpdateCardRequest => ({
  title: d.title,
  phone: d.phone.trim() ? d.phone.trim() : null,
  showPhone: d.showPhone,
  wechatId: d.wechatId.trim() ? d.wechatId.trim() : null,
  showWechatId: d.showWechatId,
  intro: d.intro,
  avatarUrl: d.avatarUrl,
  featuredContentIds: d.featuredContentIds,
});

/**
 * 编辑名片: my photo, title, phone and WeChat ID (each with a "show to customers" switch), intro and up to six
 * featured contents. Only what is switched on reaches customers' pages.
 */
export default function CardEditPage() {
  const card = useRemote(getMyCard);
  const contents = useRemote<Content[]>(listContents);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<UpdateCardRequest, FieldName>(updateCardRequestSchema);

  const load = async () => {
    await card.reload();
    void contents.reload();
  };
  useLoad(() => {
    if (ensureSession()) void load();
  });

  const current = draft ?? (card.data ? draftOf(card.data) : null);
  const set = (patch: Partial<Draft>) => current && setDraft({ ...current, ...patch });

  const pickPhoto = async () => {
    if (!current) return;
    try {
      const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const path = picked.tempFilePaths[0];
      if (!path) return;
      setUploading(true);
      const uploaded = await uploadImage(path);
      set({ avatarUrl: uploaded.url });
    } catch (error) {
      if (error instanceof ApiError) form.setErrors({ avatarUrl: error.message });
      // A cancelled picker is not an error.
    } finally {
      setUploading(false);
    }
  };

  const toggleFeatured = (id: string) => {
    if (!current) return;
    const has = current.featuredContentIds.includes(id);
    if (!has && current.featuredContentIds.length >= MAX_FEATURED) {
      void Taro.showToast({ title: `最多推荐 ${MAX_FEATURED} 篇`, icon: 'none' });
      return;
    }
    set({ featuredContentIds: has ? current.featuredContentIds.filter((c) => c !== id) : [...current.featuredContentIds, id] });
  };

  const save = () => {
    if (!current) return;
    void form.submit(bodyOf(current), async (body) => {
      const saved = await updateMyCard(body);
      card.setData(saved);
      setDraft(null);
      void Taro.showToast({ title: '名片已保存', icon: 'success' });
    });
  };

  if (!current) {
    return (
      <PageShell className='card-edit'>
        <RemoteState error={card.error} onRetry={() => void load()} />
      </PageShell>
    );
  }

  return (
    <PageShell className='card-edit'>
      <View className='card card-edit__photo' onClick={() => void pickPhoto()}>
        <Avatar url={current.avatarUrl} name={card.data?.name ?? ''} size='lg' />
        <View className='card-edit__photo-text'>
          <Text className='card-edit__name'>{card.data?.name}</Text>
          <Text className='link'>{uploading ? '上传中…' : current.avatarUrl ? '更换照片' : '上传照片'}</Text>
          <FieldError message={form.errors.avatarUrl} />
        </View>
      </View>

      <View className='card'>
        <Field label='职位' error={form.errors.title}>
          <Input className='field__input' placeholder='如：高级置业顾问' maxlength={30} value={current.title} onInput={(e) => set({ title: e.detail.value })} />
        </Field>
        <Field label='联系电话' error={form.errors.phone}>
          <Input className='field__input' type='number' placeholder='客户可以拨打的电话' maxlength={20} value={current.phone} onInput={(e) => set({ phone: e.detail.value })} />
        </Field>
        <View className='card-edit__switch'>
          <Text>向客户展示电话</Text>
          <Switch checked={current.showPhone} onChange={(value: boolean) => set({ showPhone: value })} />
        </View>
        <Field label='微信号' error={form.errors.wechatId}>
          <Input className='field__input' placeholder='客户可以添加的微信号' maxlength={20} value={current.wechatId} onInput={(e) => set({ wechatId: e.detail.value })} />
        </Field>
        <View className='card-edit__switch'>
          <Text>向客户展示微信号</Text>
          <Switch checked={current.showWechatId} onChange={(value: boolean) => set({ showWechatId: value })} />
        </View>
        <Field label='个人简介' error={form.errors.intro}>
          <Textarea className='field__textarea' placeholder='介绍一下你自己和你能为客户做什么（最多 300 字）' maxlength={300} value={current.intro} onInput={(e) => set({ intro: e.detail.value })} />
        </Field>
      </View>

      <View className='card'>
        <Text className='section-title'>
          推荐内容 <Text className='muted'>（{current.featuredContentIds.length}/{MAX_FEATURED}，展示在名片下方）</Text>
        </Text>
        {contents.error ? <ErrorState error={contents.error} onRetry={() => void contents.reload()} compact /> : null}
        {(contents.data ?? []).map((content) => {
          const on = current.featuredContentIds.includes(content.id);
          return (
            <View key={content.id} className={`card-edit__content${on ? ' card-edit__content--on' : ''}`} onClick={() => toggleFeatured(content.id)}>
              <Text className='card-edit__check'>{on ? '✓' : ''}</Text>
              <Text className='card-edit__content-title'>{content.title}</Text>
            </View>
          );
        })}
        {contents.data && contents.data.length === 0 && <Text className='muted'>总部还没有发布内容</Text>}
        <FieldError message={form.errors.featuredContentIds} />
      </View>

      <FieldError message={form.formError} />
      <Button className='btn-primary' loading={form.busy} disabled={form.busy || uploading} onClick={save}>
        保存名片
      </Button>
    </PageShell>
  );
}

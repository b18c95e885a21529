import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { updateLeadRequestSchema, type UpdateLeadRequest } from '@fenji/shared';
import { useConfirm } from '../../../components/confirm';
import { Field, FieldError } from '../../../components/field';
import { useForm } from '../../../hooks/use-form';
import { updateLead, type LeadDetailView } from '../../../services/lead.service';

type Props = { leadId: string; onSaved: (lead: LeadDetailView) => void };

/** The customer's WeChat ID, as the owner learnt it (empty clears it). */
export function WechatIdForm({ leadId, initial, onSaved }: Props & { initial: string }) {
  const [value, setValue] = useState(initial);
  const form = useForm<UpdateLeadRequest, 'wechatId'>(updateLeadRequestSchema);
  const save = () =>
    form.submit({ wechatId: value.trim() ? value.trim() : null }, async (body) => {
      onSaved(await updateLead(leadId, body));
      void Promise.resolve(Taro.showToast({ title: '已保存', icon: 'success' })).catch(() => undefined);
    });
  return (
    <View>
      <Field label='客户微信号' error={form.errors.wechatId}>
        <Input className='field__input' placeholder='微信号' maxlength={20} value={value} onInput={(e) => setValue(e.detail.value)} />
      </Field>
      <FieldError message={form.formError} />
      <Button className='btn-primary' loading={form.busy} disabled={form.busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}

/** 不再联系: the customer asked not to be contacted. Asks first; only HQ can undo it. */
export function DoNotContactForm({ leadId, onSaved }: Props) {
  const [reason, setReason] = useState('');
  const form = useForm<UpdateLeadRequest, 'reason'>(updateLeadRequestSchema);
  const { confirm, dialog } = useConfirm();
  const save = async () => {
    const input = { doNotContact: true, reason: reason.trim() || undefined };
    if (!form.check(input)) return;
    if (!(await confirm({ title: '标记为不再联系', content: '所有同事都将看到该客户不再联系，也不能再拨打或跟进。只有总部可以取消。确定吗？' }))) return;
    await form.submit(input, async (body) => {
      onSaved(await updateLead(leadId, body));
      void Promise.resolve(Taro.showToast({ title: '已标记', icon: 'success' })).catch(() => undefined);
    });
  };
  return (
    <View>
      <Text className='muted'>客户明确表示不希望再被联系时使用。</Text>
      <Field label='原因' error={form.errors.reason}>
        <Input className='field__input' placeholder='如：客户电话中要求不再联系' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <FieldError message={form.formError} />
      <Button className='btn-plain btn-danger' loading={form.busy} disabled={form.busy} onClick={() => void save()}>
        标记为不再联系
      </Button>
      {dialog}
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  LABELS,
  LEAD_STATUS_TRANSITIONS,
  changeLeadStatusRequestSchema,
  type ChangeLeadStatusRequest,
  type LeadListItem,
  type LeadStatus,
} from '@fenji/shared';
import { useConfirm } from '../../../components/confirm';
import { Field, FieldError } from '../../../components/field';
import { useForm } from '../../../hooks/use-form';
import { changeLeadStatus } from '../../../services/lead.service';

/** 更新状态: offers only the moves `LEAD_STATUS_TRANSITIONS` allows from the current status; 成交 asks first. */
export function StatusForm({ leadId, current, onChanged }: { leadId: string; current: LeadStatus; onChanged: (lead: LeadListItem) => void }) {
  const options = LEAD_STATUS_TRANSITIONS[current];
  const [status, setStatus] = useState<LeadStatus | null>(null);
  const [reason, setReason] = useState('');
  const form = useForm<ChangeLeadStatusRequest, 'status' | 'reason'>(changeLeadStatusRequestSchema);
  const { confirm, dialog } = useConfirm();

  if (options.length === 0) return <Text className='muted'>{LABELS.leadStatus[current]}，状态不可再更改</Text>;

  const submit = async () => {
    if (!status || !options.includes(status)) {
      form.setErrors({ status: '请选择新的状态' });
      return;
    }
    if (status === 'converted' && !(await confirm({ title: '确认成交', content: '成交后客户转为会员，状态不可再更改。' }))) return;
    await form.submit(reason.trim() ? { status, reason } : { status }, async (body) => {
      const lead = await changeLeadStatus(leadId, body);
      setStatus(null);
      setReason('');
      onChanged(lead);
      void Promise.resolve(Taro.showToast({ title: '状态已更新', icon: 'success' })).catch(() => undefined);
    });
  };

  return (
    <View className='status-form'>
      <Field label={`当前：${LABELS.leadStatus[current]}，改为`} error={form.errors.status}>
        <View className='chips'>
          {options.map((option) => (
            <Text key={option} className={`chip status-option${option === status ? ' chip--active' : ''}`} onClick={() => setStatus(option)}>
              {LABELS.leadStatus[option]}
            </Text>
          ))}
        </View>
      </Field>
      <Field error={form.errors.reason}>
        <Input className='field__input' placeholder='原因（选填）' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <FieldError message={form.formError} />
      <Button className='btn-primary' loading={form.busy} disabled={form.busy} onClick={() => void submit()}>
        更新状态
      </Button>
      {dialog}
    </View>
  );
}

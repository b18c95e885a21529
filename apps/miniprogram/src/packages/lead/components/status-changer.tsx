import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  LABELS,
  LEAD_STATUS_TRANSITIONS,
  changeLeadStatusRequestSchema,
  type LeadListItem,
  type LeadStatus,
} from '@fenji/shared';
import { changeLeadStatus } from '../../../services/lead.service';
import { fieldErrors, type FieldErrors } from '../../../utils/form-errors.util';

type Field = 'status' | 'reason';

function FieldError({ message }: { message?: string }) {
  return message ? <Text className='field__error'>{message}</Text> : null;
}

/** 更新状态: offers only the moves `LEAD_STATUS_TRANSITIONS` allows from the current status. */
export function StatusChanger({
  leadId,
  current,
  onChanged,
}: {
  leadId: string;
  current: LeadStatus;
  onChanged: (lead: LeadListItem) => void;
}) {
  const options = LEAD_STATUS_TRANSITIONS[current];
  const [status, setStatus] = useState<LeadStatus | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!status || !options.includes(status)) {
      setErrors({ status: '请选择新的状态' });
      return;
    }
    const parsed = changeLeadStatusRequestSchema.safeParse(reason.trim() ? { status, reason } : { status });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    if (status === 'converted') {
      const { confirm } = await Taro.showModal({ title: '确认成交', content: '成交后客户转为会员，状态不可再更改。' });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      const lead = await changeLeadStatus(leadId, parsed.data);
      setStatus(null);
      setReason('');
      onChanged(lead);
      void Promise.resolve(Taro.showToast({ title: '状态已更新', icon: 'success' })).catch(() => undefined);
    } catch {
      // The request wrapper has shown the server's message (e.g. STATUS_TRANSITION_INVALID).
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card status-changer'>
      <Text className='lead-detail__section'>客户状态</Text>
      {options.length === 0 ? (
        <Text className='muted'>{LABELS.leadStatus[current]}，状态不可再更改</Text>
      ) : (
        <>
          <View className='field'>
            <Text className='field__label'>当前：{LABELS.leadStatus[current]}，改为</Text>
            <View className='chips'>
              {options.map((option) => (
                <Text
                  key={option}
                  className={`chip status-option${option === status ? ' chip--active' : ''}`}
                  onClick={() => setStatus(option)}
                >
                  {LABELS.leadStatus[option]}
                </Text>
              ))}
            </View>
            <FieldError message={errors.status} />
          </View>
          <View className='field'>
            <Input
              className='field__input'
              placeholder='原因（选填）'
              maxlength={200}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            <FieldError message={errors.reason} />
          </View>
          <Button className='btn-plain' loading={busy} disabled={busy} onClick={() => void submit()}>
            更新状态
          </Button>
        </>
      )}
    </View>
  );
}

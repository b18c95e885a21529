import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { releaseLeadRequestSchema, type LeadListItem } from '@fenji/shared';
import { releaseLead } from '../../../services/lead.service';
import { fieldErrors, type FieldErrors } from '../../../utils/form-errors.util';

/** 放回公海: the owner gives the lead up, with a reason; colleagues can then claim it. */
export function ReleaseForm({ leadId, onReleased }: { leadId: string; onReleased: (lead: LeadListItem | null) => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'reason'>>({});
  const [busy, setBusy] = useState(false);

  const release = async () => {
    const parsed = releaseLeadRequestSchema.safeParse({ reason });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: '释放客户',
      content: '放回后该客户不再属于你，其他同事可以领取。确定放回吗？',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const lead = await releaseLead(leadId, parsed.data);
      onReleased(lead);
      void Promise.resolve(Taro.showToast({ title: '已释放到公海', icon: 'success' })).catch(() => undefined);
    } catch {
      // The request wrapper has shown why.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card release-form'>
      <Text className='lead-detail__section'>释放客户</Text>
      <View className='field'>
        <Input
          className='field__input'
          placeholder='放回原因'
          maxlength={200}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        {errors.reason ? <Text className='field__error'>{errors.reason}</Text> : null}
      </View>
      <Button className='btn-plain release-form__submit' loading={busy} disabled={busy} onClick={() => void release()}>
        放回公海
      </Button>
    </View>
  );
}

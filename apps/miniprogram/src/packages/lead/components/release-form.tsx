import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { releaseLeadRequestSchema, type LeadListItem, type ReleaseLeadRequest } from '@fenji/shared';
import { useConfirm } from '../../../components/confirm';
import { Field, FieldError } from '../../../components/field';
import { useForm } from '../../../hooks/use-form';
import { releaseLead } from '../../../services/lead.service';

/** 放回公海: the owner gives the lead up, with a reason, after confirming; colleagues can then claim it. */
export function ReleaseForm({ leadId, reclaimBlockDays, onReleased }: { leadId: string; reclaimBlockDays: number | null; onReleased: (lead: LeadListItem | null) => void }) {
  const [reason, setReason] = useState('');
  const form = useForm<ReleaseLeadRequest, 'reason'>(releaseLeadRequestSchema);
  const { confirm, dialog } = useConfirm();

  const release = async () => {
    if (!form.check({ reason })) return;
    const blockNote = reclaimBlockDays ? `放回后 ${reclaimBlockDays} 天内你不能再领回。` : '';
    if (!(await confirm({ title: '放回公海', content: `放回后该客户不再属于你，其他同事可以领取。${blockNote}确定放回吗？` }))) return;
    await form.submit({ reason }, async (body) => {
      const lead = await releaseLead(leadId, body);
      onReleased(lead);
      void Promise.resolve(Taro.showToast({ title: '已放回公海', icon: 'success' })).catch(() => undefined);
    });
  };

  return (
    <View className='release-form'>
      <Field label='放回原因' error={form.errors.reason}>
        <Input className='field__input' placeholder='放回原因' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <FieldError message={form.formError} />
      <Button className='btn-plain release-form__submit' loading={form.busy} disabled={form.busy} onClick={() => void release()}>
        放回公海
      </Button>
      {dialog}
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  FOLLOW_UP_METHODS,
  POOL_LABELS,
  createFollowUpRequestSchema,
  nextFollowUpAtSchema,
  type FollowUp,
  type FollowUpMethod,
} from '@fenji/shared';
import { Field, FieldError } from '../../../components/field';
import { useForm } from '../../../hooks/use-form';
import { createFollowUp } from '../../../services/lead.service';
import { NextFollowUpPicker } from './next-follow-up-picker';

type FieldName = 'method' | 'note' | 'nextAt';

/** 写跟进: how the owner reached the lead, what came of it, and optionally when to follow up next (never in the past). */
export function FollowUpForm({
  leadId,
  onSaved,
  now = () => new Date(),
}: {
  leadId: string;
  onSaved: (followUp: FollowUp) => void;
  now?: () => Date;
}) {
  const [method, setMethod] = useState<FollowUpMethod>('phone');
  const [note, setNote] = useState('');
  const [nextAt, setNextAt] = useState<Date | null>(null);
  const form = useForm<{ method: FollowUpMethod; note: string; nextAt?: string }, FieldName>(createFollowUpRequestSchema);

  const save = async () => {
    if (nextAt) {
      const check = nextFollowUpAtSchema(now()).safeParse(nextAt.toISOString());
      if (!check.success) {
        form.setErrors({ nextAt: check.error.issues[0].message });
        return;
      }
    }
    const input = nextAt ? { method, note, nextAt: nextAt.toISOString() } : { method, note };
    await form.submit(input, async (body) => {
      const saved = await createFollowUp(leadId, body);
      setNote('');
      setNextAt(null);
      onSaved(saved);
      void Promise.resolve(Taro.showToast({ title: '跟进已保存', icon: 'success' })).catch(() => undefined);
    });
  };

  return (
    <View className='follow-up-form'>
      <Field label='跟进方式' error={form.errors.method}>
        <View className='chips'>
          {FOLLOW_UP_METHODS.map((m) => (
            <Text key={m} className={`chip follow-up-method${m === method ? ' chip--active' : ''}`} onClick={() => setMethod(m)}>
              {POOL_LABELS.followUpMethod[m]}
            </Text>
          ))}
        </View>
      </Field>
      <Field label='跟进记录' error={form.errors.note}>
        <Textarea
          className='field__textarea follow-up-form__note'
          placeholder='跟进内容'
          maxlength={1000}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      </Field>
      <Field label='下次跟进（选填）' error={form.errors.nextAt}>
        <NextFollowUpPicker value={nextAt} onChange={setNextAt} now={now} />
      </Field>
      <FieldError message={form.formError} />
      <Button className='btn-primary' loading={form.busy} disabled={form.busy} onClick={() => void save()}>
        保存跟进
      </Button>
    </View>
  );
}

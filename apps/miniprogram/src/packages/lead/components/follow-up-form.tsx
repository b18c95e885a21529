import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  FOLLOW_UP_METHODS,
  POOL_LABELS,
  createFollowUpRequestSchema,
  type FollowUp,
  type FollowUpMethod,
} from '@fenji/shared';
import { createFollowUp } from '../../../services/lead.service';
import { fieldErrors, type FieldErrors } from '../../../utils/form-errors.util';
import { followUpTimeOf, formatDate } from '../../../utils/format-time.util';

type Field = 'method' | 'note' | 'nextAt';

function FieldError({ message }: { message?: string }) {
  return message ? <Text className='field__error'>{message}</Text> : null;
}

/** 写跟进: how the owner reached the lead, what came of it, and optionally when to follow up next. */
export function FollowUpForm({ leadId, onSaved }: { leadId: string; onSaved: (followUp: FollowUp) => void }) {
  const [method, setMethod] = useState<FollowUpMethod>('phone');
  const [note, setNote] = useState('');
  /** The picked day, `YYYY-MM-DD`; '' for none. */
  const [day, setDay] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const input: Record<string, unknown> = { method, note };
    if (day) input.nextAt = followUpTimeOf(day) ?? day;
    const parsed = createFollowUpRequestSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await createFollowUp(leadId, parsed.data);
      setNote('');
      setDay('');
      onSaved(saved);
      void Promise.resolve(Taro.showToast({ title: '跟进已保存', icon: 'success' })).catch(() => undefined);
    } catch {
      // The request wrapper has shown why.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card follow-up-form'>
      <Text className='lead-detail__section'>写跟进</Text>
      <View className='field'>
        <Text className='field__label'>跟进方式</Text>
        <View className='chips'>
          {FOLLOW_UP_METHODS.map((m) => (
            <Text
              key={m}
              className={`chip follow-up-method${m === method ? ' chip--active' : ''}`}
              onClick={() => setMethod(m)}
            >
              {POOL_LABELS.followUpMethod[m]}
            </Text>
          ))}
        </View>
        <FieldError message={errors.method} />
      </View>
      <View className='field'>
        <Text className='field__label'>跟进记录</Text>
        <Textarea
          className='follow-up-form__note'
          placeholder='跟进内容'
          maxlength={1000}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <FieldError message={errors.note} />
      </View>
      <View className='field'>
        <Text className='field__label'>下次跟进（选填）</Text>
        <View className='follow-up-form__next'>
          <Picker mode='date' value={day} start={formatDate(new Date())} onChange={(e) => setDay(e.detail.value)}>
            <Text className={`follow-up-form__day${day ? '' : ' muted'}`}>{day || '选择日期'}</Text>
          </Picker>
          {day !== '' && (
            <Text className='link follow-up-form__clear' onClick={() => setDay('')}>
              清除
            </Text>
          )}
        </View>
        <FieldError message={errors.nextAt} />
      </View>
      <Button className='btn-primary' loading={busy} disabled={busy} onClick={() => void save()}>
        保存跟进
      </Button>
    </View>
  );
}

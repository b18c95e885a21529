import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { DatePicker } from '../../../components/ui/datepicker';
import {
  MINUTE_STEP,
  dateFromPicker,
  followUpPresets,
  formatFollowUpTime,
  pickerBounds,
} from '../../../utils/follow-up-time.util';

interface Props {
  value: Date | null;
  onChange: (value: Date | null) => void;
  /** For tests: the clock. */
  now?: () => Date;
}

/**
 * 下次跟进: one-tap choices (明天 10:00 …) or a date and a time from a picker that starts after now and ends within a
 * year. Nothing in the past can be picked; the form checks again when saving, since time passes while it is open.
 */
export function NextFollowUpPicker({ value, onChange, now = () => new Date() }: Props) {
  const [open, setOpen] = useState(false);
  const current = now();
  const presets = followUpPresets(current);
  const bounds = pickerBounds(current);
  const isPreset = value !== null && presets.some((p) => p.at.getTime() === value.getTime());

  return (
    <View className='next-follow-up'>
      <View className='chips'>
        {presets.map((preset) => (
          <Text
            key={preset.label}
            className={`chip next-follow-up__preset${value && preset.at.getTime() === value.getTime() ? ' chip--active' : ''}`}
            onClick={() => onChange(preset.at)}
          >
            {preset.label}
          </Text>
        ))}
        <Text className={`chip next-follow-up__custom${value && !isPreset ? ' chip--active' : ''}`} onClick={() => setOpen(true)}>
          {value && !isPreset ? formatFollowUpTime(value, current) : '选择时间'}
        </Text>
      </View>
      {value ? (
        <View className='next-follow-up__chosen'>
          <Text className='muted'>将在 {formatFollowUpTime(value, current)} 提醒你跟进</Text>
          <Text className='link next-follow-up__clear' onClick={() => onChange(null)}>
            不设置
          </Text>
        </View>
      ) : null}
      <DatePicker
        visible={open}
        type='datetime'
        title='下次跟进时间'
        showChinese
        minuteStep={MINUTE_STEP}
        startDate={bounds.start}
        endDate={bounds.end}
        defaultValue={value && value > bounds.start ? value : bounds.start}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const picked = dateFromPicker(values);
          if (picked) onChange(picked);
          setOpen(false);
        }}
      />
    </View>
  );
}

import { useState } from 'react';

/**
 * NutUI DatePicker: while visible, a text input (`YYYY-MM-DD HH:mm`, labelled "date-time-picker") and 确定/取消; 确定
 * hands the columns to onConfirm like the real picker (['2026', '12', '03', '10', '05']). Its bounds are exposed
 * as data attributes so tests can check them.
 */
export default function DatePicker(props: {
  visible?: boolean;
  startDate?: Date;
  endDate?: Date;
  onConfirm?: (options: unknown[], values: string[]) => void;
  onClose?: () => void;
}) {
  const [text, setText] = useState('');
  if (!props.visible) return null;
  return (
    <div className='nut-datepicker' data-start={props.startDate?.toISOString()} data-end={props.endDate?.toISOString()}>
      <input aria-label='date-time-picker' value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={() => props.onClose?.()}>取消</button>
      <button onClick={() => props.onConfirm?.([], text.split(/[-: ]/))}>确定</button>
    </div>
  );
}

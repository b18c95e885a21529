/**
 * `@tarojs/components` as plain DOM elements, enough to render pages in jsdom: taps are clicks, Input fires
 * Taro-shaped `{ detail: { value } }` events, WebView is an iframe.
 */
import type { ReactNode } from 'react';

interface Common {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: (event: { detail: Record<string, never> }) => void;
}

const tap = (onClick: Common['onClick']) => (onClick ? () => onClick({ detail: {} }) : undefined);

/** View's `style` string (CSS variables) lands in `data-style`: React DOM takes only objects. */
export function View({ id, className, children, onClick, style }: Common & { style?: string }) {
  return (
    <div id={id} className={className} data-style={style} onClick={tap(onClick)}>
      {children}
    </div>
  );
}

export function Text({ id, className, children, onClick }: Common & { userSelect?: boolean }) {
  return (
    <span id={id} className={className} onClick={tap(onClick)}>
      {children}
    </span>
  );
}

export function Button({
  id,
  className,
  children,
  onClick,
  disabled,
  openType,
}: Common & { disabled?: boolean; loading?: boolean; openType?: string; size?: string }) {
  return (
    <button id={id} className={className} disabled={disabled} data-open-type={openType} onClick={tap(onClick)}>
      {children}
    </button>
  );
}

interface InputProps {
  id?: string;
  className?: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  type?: string;
  maxlength?: number;
  confirmType?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: (event: { detail: { value: string } }) => void;
}

export function Input({ id, className, value, placeholder, password, maxlength, onInput, onConfirm }: InputProps) {
  return (
    <input
      id={id}
      className={className}
      value={value}
      placeholder={placeholder}
      type={password ? 'password' : 'text'}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } });
      }}
    />
  );
}

interface TextareaProps {
  id?: string;
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  autoHeight?: boolean;
  onInput?: (event: { detail: { value: string } }) => void;
}

export function Textarea({ id, className, value, placeholder, maxlength, onInput }: TextareaProps) {
  return (
    <textarea
      id={id}
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

interface PickerProps {
  id?: string;
  className?: string;
  children?: ReactNode;
  mode?: string;
  value?: string | number;
  start?: string;
  end?: string;
  onChange?: (event: { detail: { value: string } }) => void;
}

/** A date Picker as `<input type="date">` (labelled "picker-<mode>") beside its children: a test changes the input. */
export function Picker({ id, className, children, mode = 'selector', value, start, end, onChange }: PickerProps) {
  return (
    <div id={id} className={className}>
      <input
        aria-label={`picker-${mode}`}
        type={mode === 'date' ? 'date' : 'text'}
        value={value === undefined ? '' : String(value)}
        min={start}
        max={end}
        onChange={(e) => onChange?.({ detail: { value: e.target.value } })}
      />
      {children}
    </div>
  );
}

export function Image({ id, className, src }: { id?: string; className?: string; src: string; mode?: string; lazyLoad?: boolean; showMenuByLongpress?: boolean }) {
  return <img id={id} className={className} src={src} alt='' />;
}

export function WebView({ src }: { src: string }) {
  return <iframe title='web-view' src={src} />;
}

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

export function View({ id, className, children, onClick }: Common) {
  return (
    <div id={id} className={className} onClick={tap(onClick)}>
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

export function Image({ className, src }: { className?: string; src: string; mode?: string; lazyLoad?: boolean }) {
  return <img className={className} src={src} alt='' />;
}

export function WebView({ src }: { src: string }) {
  return <iframe title='web-view' src={src} />;
}

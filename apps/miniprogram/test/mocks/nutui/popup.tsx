import type { ReactNode } from 'react';

/** NutUI Popup: its title and children while visible. */
export default function Popup({ visible, title, children, onClose }: { visible?: boolean; title?: ReactNode; children?: ReactNode; onClose?: () => void; [key: string]: unknown }) {
  if (!visible) return null;
  return (
    <div className='nut-popup' role='dialog'>
      {title ? <div className='nut-popup-title'>{title}</div> : null}
      <button className='nut-popup-close' onClick={() => onClose?.()}>
        关闭
      </button>
      {children}
    </div>
  );
}

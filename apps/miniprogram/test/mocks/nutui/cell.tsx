import type { ReactNode } from 'react';

/** NutUI Cell: title, description and extra; a click is a tap. */
export default function Cell({ title, description, extra, onClick }: { title?: ReactNode; description?: ReactNode; extra?: ReactNode; onClick?: () => void; [key: string]: unknown }) {
  return (
    <div className='nut-cell' onClick={() => onClick?.()}>
      <span className='nut-cell-title'>{title}</span>
      {description ? <span className='nut-cell-description'>{description}</span> : null}
      <span className='nut-cell-extra'>{extra}</span>
    </div>
  );
}

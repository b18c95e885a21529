import type { ReactNode } from 'react';

export default function CellGroup({ children }: { children?: ReactNode; [key: string]: unknown }) {
  return <div className='nut-cell-group'>{children}</div>;
}

import { Children, isValidElement, type ReactNode } from 'react';

/** NutUI Tabs: each TabPane's title as a tab (`.nut-tabs-titles-item`, the active one `--active`); a click changes it. */
export default function Tabs({ value, onChange, children }: { value?: string | number; onChange?: (value: string | number) => void; children?: ReactNode; [key: string]: unknown }) {
  return (
    <div className='nut-tabs' role='tablist'>
      {Children.map(children, (child) => {
        if (!isValidElement<{ value: string | number; title: ReactNode }>(child)) return null;
        const active = child.props.value === value;
        return (
          <span role='tab' aria-selected={active} className={`nut-tabs-titles-item${active ? ' nut-tabs-titles-item--active' : ''}`} onClick={() => onChange?.(child.props.value)}>
            {child.props.title}
          </span>
        );
      })}
    </div>
  );
}

/** NutUI Switch as a checkbox with role switch. */
export default function Switch({ checked, onChange }: { checked?: boolean; onChange?: (value: boolean) => void; [key: string]: unknown }) {
  return <input type='checkbox' role='switch' checked={checked ?? false} onChange={(e) => onChange?.(e.target.checked)} />;
}

import { Select, type SelectProps } from 'antd';
import type { Branch, Staff } from '@fenji/shared';

const HQ = '';

/**
 * Options for a staff picker: the staff member's name, grouped by branch when there are several (the given
 * branch first, 总部 last).
 */
export function staffOptions(staff: readonly Staff[], branches: readonly Branch[], firstBranchId?: string | null): NonNullable<SelectProps['options']> {
  const groups = new Map<string, Staff[]>();
  for (const s of staff) groups.set(s.branchId ?? HQ, [...(groups.get(s.branchId ?? HQ) ?? []), s]);
  const option = (s: Staff) => ({ value: s.id, label: s.name });
  if (groups.size <= 1) return staff.map(option);
  const order = new Map(branches.map((b, i) => [b.id, i]));
  const first = firstBranchId === undefined ? undefined : (firstBranchId ?? HQ);
  const rank = (key: string) => (key === first ? -1 : key === HQ ? Number.MAX_SAFE_INTEGER : (order.get(key) ?? branches.length));
  const names = new Map(branches.map((b) => [b.id, b.name]));
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({ label: key === HQ ? '总部' : (names.get(key) ?? '其他门店'), title: key || 'hq', options: (groups.get(key) ?? []).map(option) }));
}

/** Only staff who can take leads: active ones, minus `exceptId`. */
export function activeStaff(staff: readonly Staff[] | undefined, exceptId?: string | null): Staff[] {
  return (staff ?? []).filter((s) => s.status === 'active' && s.id !== exceptId);
}

/** A searchable select (type a name to filter). */
export const searchable: Pick<SelectProps, 'showSearch' | 'optionFilterProp'> = { showSearch: true, optionFilterProp: 'label' };

export function BranchSelect({ branches, ...props }: SelectProps & { branches: readonly Branch[] }) {
  return <Select {...searchable} options={branches.map((b) => ({ value: b.id, label: b.name }))} {...props} />;
}

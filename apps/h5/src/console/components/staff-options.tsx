import type { Branch, Staff } from '@fenji/shared';

interface StaffOptionsProps {
  staff: Staff[];
  branches: Branch[];
  /** This branch's group comes first (the lead's or the staff member's own branch). */
  firstBranchId?: string | null;
}

const HQ = '';

/** `<option>`s for a staff picker: the text is the staff member's name; grouped by branch when there are several. */
export function StaffOptions({ staff, branches, firstBranchId }: StaffOptionsProps) {
  const groups = new Map<string, Staff[]>();
  for (const s of staff) {
    const key = s.branchId ?? HQ;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const option = (s: Staff) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  );
  if (groups.size <= 1) return <>{staff.map(option)}</>;

  const branchOrder = new Map(branches.map((b, i) => [b.id, i]));
  const first = firstBranchId === undefined ? undefined : (firstBranchId ?? HQ);
  const rank = (key: string) => {
    if (key === first) return -1;
    if (key === HQ) return Number.MAX_SAFE_INTEGER;
    return branchOrder.get(key) ?? branches.length;
  };
  const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  return (
    <>
      {keys.map((key) => (
        <optgroup key={key || 'hq'} label={key === HQ ? '总部' : (branchName.get(key) ?? key)}>
          {(groups.get(key) ?? []).map(option)}
        </optgroup>
      ))}
    </>
  );
}

/** Only the staff members who can take leads: active ones, minus `exceptId`. */
export function activeStaff(staff: Staff[] | undefined, exceptId?: string | null): Staff[] {
  return (staff ?? []).filter((s) => s.status === 'active' && s.id !== exceptId);
}

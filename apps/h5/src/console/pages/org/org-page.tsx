import { API, type Branch, type Staff } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { BranchPanel } from './branch-panel';
import { StaffPanel } from './staff-panel';

/** 门店与员工. */
export function OrgPage() {
  const api = useApi();
  const branches = useLoad('branches', () => api.get<Branch[]>(API.branches));
  const staff = useLoad('staff', () => api.get<Staff[]>(API.staff));
  return (
    <div className="org">
      <BranchPanel branches={branches} />
      <StaffPanel staff={staff} branches={branches.data ?? []} />
    </div>
  );
}

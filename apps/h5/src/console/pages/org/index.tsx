import { Flex } from 'antd';
import { usePermissions } from '../../app/session-context';
import { PageHeader } from '../../components/page-header';
import { BranchCard } from './components/branch-card';
import { StaffCard } from './components/staff-card';

/** 门店与员工: branches (HQ only) and staff. */
export function OrgPage() {
  const { manageBranches } = usePermissions();
  return (
    <div>
      <PageHeader title="门店与员工" hint={manageBranches ? '管理门店、员工账号、角色与邀请。' : '本门店的员工账号与邀请。'} />
      <Flex vertical gap={16}>
        {manageBranches ? <BranchCard /> : null}
        <StaffCard />
      </Flex>
    </div>
  );
}

import { Module } from '@nestjs/common';
import { StaffDirectory } from '../../core/auth/staff-directory';
import { BranchEntity } from './branch.entity';
import { BranchRepository } from './branch.repository';
import { BranchController, StaffController } from './org.controller';
import { OrgService } from './org.service';
import { StaffEntity } from './staff.entity';
import { OrgStaffDirectory } from './staff.directory';
import { StaffRepository } from './staff.repository';

export const ORG_ENTITIES = [BranchEntity, StaffEntity];

/** Branches and staff. Gives auth its StaffDirectory; other modules ask OrgService. */
@Module({
  controllers: [BranchController, StaffController],
  providers: [OrgService, BranchRepository, StaffRepository, { provide: StaffDirectory, useClass: OrgStaffDirectory }],
  exports: [OrgService, StaffDirectory],
})
export class OrgModule {}

import { Module } from '@nestjs/common';
import { BranchRepository } from './branch.repository';
import { BranchController, StaffController } from './org.controller';
import { OrgService } from './org.service';
import { StaffRepository } from './staff.repository';

@Module({
  controllers: [BranchController, StaffController],
  providers: [OrgService, BranchRepository, StaffRepository],
  exports: [OrgService, StaffRepository, BranchRepository],
})
export class OrgModule {}

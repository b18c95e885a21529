import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  branchSchema,
  createBranchRequestSchema,
  createStaffRequestSchema,
  staffSchema,
  updateStaffRequestSchema,
  z,
  type Branch,
  type CreateBranchRequest,
  type CreateStaffRequest,
  type Staff,
  type UpdateStaffRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { OrgService } from './org.service';

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/branches')
export class BranchController {
  constructor(@Inject(OrgService) private readonly org: OrgService) {}

  @Post()
  @Roles('hq_admin')
  @ApiZodBody(createBranchRequestSchema)
  @ApiZodResponse(201, branchSchema)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createBranchRequestSchema)) dto: CreateBranchRequest, @ClientIp() ip: string): Promise<Branch> {
    return this.org.createBranch(user, dto, ip);
  }

  @Get()
  @ApiZodResponse(200, z.array(branchSchema))
  list(): Promise<Branch[]> {
    return this.org.listBranches();
  }
}

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/staff')
export class StaffController {
  constructor(@Inject(OrgService) private readonly org: OrgService) {}

  @Post()
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(createStaffRequestSchema)
  @ApiZodResponse(201, staffSchema, 'the new staff member with the invite code to hand over')
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createStaffRequestSchema)) dto: CreateStaffRequest, @ClientIp() ip: string): Promise<Staff> {
    return this.org.createStaff(user, dto, ip);
  }

  @Get()
  @Roles('hq_admin', 'branch_manager')
  @ApiZodResponse(200, z.array(staffSchema))
  list(@CurrentUser() user: AuthUser): Promise<Staff[]> {
    return this.org.listStaff(user);
  }

  @Patch(':id')
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(updateStaffRequestSchema)
  @ApiZodResponse(200, staffSchema)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateStaffRequestSchema)) dto: UpdateStaffRequest, @ClientIp() ip: string): Promise<Staff> {
    return this.org.updateStaff(user, id, dto, ip);
  }

  @Post(':id/invite')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodResponse(200, staffSchema, 'the staff member with a fresh invite code')
  reissueInvite(@CurrentUser() user: AuthUser, @Param('id') id: string, @ClientIp() ip: string): Promise<Staff> {
    return this.org.reissueInvite(user, id, ip);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  branchListQuerySchema,
  branchSchema,
  branchSummarySchema,
  createBranchRequestSchema,
  createStaffRequestSchema,
  handoverPreviewSchema,
  staffSchema,
  staffUpdateResponseSchema,
  updateBranchRequestSchema,
  updateStaffAdminRequestSchema,
  z,
  type Branch,
  type BranchListQuery,
  type BranchSummary,
  type CreateBranchRequest,
  type CreateStaffRequest,
  type HandoverPreview,
  type Staff,
  type StaffUpdateResponse,
  type UpdateBranchRequest,
  type UpdateStaffAdminRequest,
} from '@fenji/shared';
import { AppException } from '../../core/errors/app.exception';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
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
  @ApiZodQuery(branchListQuerySchema)
  @ApiZodResponse(200, z.array(branchSummarySchema.partial({ staffCount: true, activeStaffCount: true, leadCount: true })), 'withCounts=1 (hq_admin, branch_manager): each with its staff and lead counts')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(branchListQuerySchema)) query: BranchListQuery): Promise<Branch[] | BranchSummary[]> {
    if (query.withCounts === '1') {
      if (user.role === 'staff') throw AppException.forbidden();
      return this.org.branchSummaries();
    }
    return this.org.listBranches();
  }

  @Patch(':id')
  @Roles('hq_admin')
  @ApiZodBody(updateBranchRequestSchema)
  @ApiZodResponse(200, branchSchema, '409 BRANCH_NAME_TAKEN')
  rename(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateBranchRequestSchema)) dto: UpdateBranchRequest, @ClientIp() ip: string): Promise<Branch> {
    return this.org.renameBranch(user, id, dto.name, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('hq_admin')
  @ApiResponse({ status: 204, description: 'deleted; 409 BRANCH_NOT_EMPTY with details { staff, leads } while it has any' })
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @ClientIp() ip: string): Promise<void> {
    await this.org.deleteBranch(user, id, ip);
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
  @ApiZodBody(updateStaffAdminRequestSchema)
  @ApiZodResponse(200, staffUpdateResponseSchema, 'role: hq_admin only; disabling hands the private leads over (handover in the answer)')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateStaffAdminRequestSchema)) dto: UpdateStaffAdminRequest, @ClientIp() ip: string): Promise<StaffUpdateResponse> {
    return this.org.updateStaff(user, id, dto, ip);
  }

  @Get(':id/handover-preview')
  @Roles('hq_admin', 'branch_manager')
  @ApiZodResponse(200, handoverPreviewSchema, 'what disabling this staff member would move')
  handoverPreview(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HandoverPreview> {
    return this.org.handoverPreview(user, id);
  }

  @Post(':id/invite')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodResponse(200, staffSchema, 'the staff member with a fresh invite code')
  reissueInvite(@CurrentUser() user: AuthUser, @Param('id') id: string, @ClientIp() ip: string): Promise<Staff> {
    return this.org.reissueInvite(user, id, ip);
  }
}

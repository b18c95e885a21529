import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  collisionListQuerySchema,
  collisionViewListResponseSchema,
  collisionViewSchema,
  resolveCollisionRequestSchema,
  type CollisionListQuery,
  type CollisionView,
  type CollisionViewListResponse,
  type ResolveCollisionRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { CollisionService } from './collision.service';

@ApiTags('lead pool')
@ApiBearerAuth()
@Controller('api/collisions')
export class CollisionController {
  constructor(@Inject(CollisionService) private readonly collisions: CollisionService) {}

  @Get()
  @Roles('hq_admin', 'branch_manager')
  @ApiZodQuery(collisionListQuerySchema)
  @ApiZodResponse(200, collisionViewListResponseSchema, 'newest first; HQ every branch, a branch manager theirs; state open/kept/reassigned')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(collisionListQuerySchema)) query: CollisionListQuery): Promise<CollisionViewListResponse> {
    return this.collisions.list(user, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(resolveCollisionRequestSchema)
  @ApiZodResponse(200, collisionViewSchema, 'keep the owner, or reassign (default: to the colliding staff member) through the assignment rules; 409 COLLISION_RESOLVED; audited')
  resolve(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(resolveCollisionRequestSchema)) dto: ResolveCollisionRequest, @ClientIp() ip: string): Promise<CollisionView> {
    return this.collisions.resolve(user, id, dto, ip);
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  radarListQuerySchema,
  radarListResponseSchema,
  radarVisitorListQuerySchema,
  radarVisitorListResponseSchema,
  type RadarListQuery,
  type RadarListResponse,
  type RadarVisitorListQuery,
  type RadarVisitorListResponse,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/auth.decorators';
import { ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { RadarService } from './radar.service';

@ApiTags('radar')
@ApiBearerAuth()
@Controller('api/radar')
export class RadarController {
  constructor(@Inject(RadarService) private readonly radar: RadarService) {}

  @Get()
  @ApiZodQuery(radarListQuerySchema)
  @ApiZodResponse(
    200,
    radarListResponseSchema,
    'staff: their own shares; branch manager: the branch; HQ: all. Newest first; `after=<id>` answers only newer items (live: `GET /api/ws?token=`, messages `{ type: "radar", item }` and `{ type: "notification", unread }`).',
  )
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(radarListQuerySchema)) query: RadarListQuery): Promise<RadarListResponse> {
    return this.radar.list(user, query);
  }

  @Get('visitors')
  @ApiZodQuery(radarVisitorListQuerySchema)
  @ApiZodResponse(200, radarVisitorListResponseSchema, 'visitors of the caller\'s scope with their heat (today\'s, after the daily decay) and its reason in words; hottest or latest first')
  visitors(@CurrentUser() user: AuthUser, @Query(new ZodPipe(radarVisitorListQuerySchema)) query: RadarVisitorListQuery): Promise<RadarVisitorListResponse> {
    return this.radar.visitors(user, query);
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  activityQuerySchema,
  activityResponseSchema,
  chainDepthResponseSchema,
  contentPerformanceQuerySchema,
  contentPerformanceResponseSchema,
  funnelSchema,
  leaderboardQuerySchema,
  leaderboardResponseSchema,
  myStatsQuerySchema,
  myStatsSchema,
  resharersQuerySchema,
  resharersResponseSchema,
  statsQuerySchema,
  trendResponseSchema,
  type ActivityQuery,
  type ActivityResponse,
  type ChainDepthResponse,
  type ContentPerformanceQuery,
  type ContentPerformanceResponse,
  type Funnel,
  type LeaderboardQuery,
  type LeaderboardResponse,
  type MyStats,
  type MyStatsQuery,
  type ResharersQuery,
  type ResharersResponse,
  type StatsQuery,
  type TrendResponse,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/auth.decorators';
import { ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { StatsService } from './stats.service';

const SCOPE = 'Scoped like the lead list (staff: own; branch manager: the branch; HQ: all); a branch or staff member outside it is 404. Days are China-time calendar days; the period defaults to the last 30 days.';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  @Get('me')
  @ApiZodQuery(myStatsQuerySchema)
  @ApiZodResponse(200, myStatsSchema, "the caller's own results today / over 7 / 30 days, and their place in their branch by leads")
  mine(@CurrentUser() user: AuthUser, @Query(new ZodPipe(myStatsQuerySchema)) query: MyStatsQuery): Promise<MyStats> {
    return this.stats.mine(user, query);
  }

  @Get('funnel')
  @ApiZodQuery(statsQuerySchema)
  @ApiZodResponse(200, funnelSchema, `${SCOPE} uniqueVisitors counts visitor-days.`)
  funnel(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<Funnel> {
    return this.stats.funnel(user, query);
  }

  @Get('trend')
  @ApiZodQuery(statsQuerySchema)
  @ApiZodResponse(200, trendResponseSchema, `${SCOPE} One point per day, zeros included.`)
  trend(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<TrendResponse> {
    return this.stats.trend(user, query);
  }

  @Get('leaderboard')
  @ApiZodQuery(leaderboardQuerySchema)
  @ApiZodResponse(200, leaderboardResponseSchema, SCOPE)
  leaderboard(@CurrentUser() user: AuthUser, @Query(new ZodPipe(leaderboardQuerySchema)) query: LeaderboardQuery): Promise<LeaderboardResponse> {
    return this.stats.leaderboard(user, query);
  }

  @Get('contents')
  @ApiZodQuery(contentPerformanceQuerySchema)
  @ApiZodResponse(200, contentPerformanceResponseSchema, SCOPE)
  contents(@CurrentUser() user: AuthUser, @Query(new ZodPipe(contentPerformanceQuerySchema)) query: ContentPerformanceQuery): Promise<ContentPerformanceResponse> {
    return this.stats.contentPerformance(user, query);
  }

  @Get('chain-depth')
  @ApiZodQuery(statsQuerySchema)
  @ApiZodResponse(200, chainDepthResponseSchema, `${SCOPE} Depth 0 is the staff member's own share; 5 holds everything deeper.`)
  chainDepth(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<ChainDepthResponse> {
    return this.stats.chainDepth(user, query);
  }

  @Get('resharers')
  @ApiZodQuery(resharersQuerySchema)
  @ApiZodResponse(200, resharersResponseSchema, `${SCOPE} views are the new visitors their re-shares brought.`)
  resharers(@CurrentUser() user: AuthUser, @Query(new ZodPipe(resharersQuerySchema)) query: ResharersQuery): Promise<ResharersResponse> {
    return this.stats.resharers(user, query);
  }

  @Get('activity')
  @ApiZodQuery(activityQuerySchema)
  @ApiZodResponse(200, activityResponseSchema, 'the newest views, re-shares and leads in the caller\'s scope; `after` answers only newer ones')
  activity(@CurrentUser() user: AuthUser, @Query(new ZodPipe(activityQuerySchema)) query: ActivityQuery): Promise<ActivityResponse> {
    return this.stats.activity(user, query);
  }
}

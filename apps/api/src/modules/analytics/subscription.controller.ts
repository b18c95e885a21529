import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { reportSubscriptionsRequestSchema, subscriptionStatusSchema, type ReportSubscriptionsRequest, type SubscriptionStatus } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { AlertService } from './alert.service';

/** The caller's WeChat alerts: which templates to ask for and how many messages we may still send them. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/me/subscriptions')
export class SubscriptionController {
  constructor(@Inject(AlertService) private readonly alerts: AlertService) {}

  @Get()
  @ApiZodResponse(200, subscriptionStatusSchema, 'empty templates when WeChat alerts are not configured (WECHAT_SUBSCRIBE_TEMPLATES)')
  status(@CurrentUser() user: AuthUser): Promise<SubscriptionStatus> {
    return this.alerts.status(user);
  }

  @Post()
  @HttpCode(200)
  @ApiZodBody(reportSubscriptionsRequestSchema)
  @ApiZodResponse(200, subscriptionStatusSchema, 'each accepted template id adds one message to its quota; unknown ids are ignored')
  report(@CurrentUser() user: AuthUser, @Body(new ZodPipe(reportSubscriptionsRequestSchema)) dto: ReportSubscriptionsRequest): Promise<SubscriptionStatus> {
    return this.alerts.report(user, dto);
  }
}

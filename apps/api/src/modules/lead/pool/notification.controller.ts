import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { markAllReadResultSchema, notificationListSchema, unreadCountSchema, type MarkAllReadResult, type NotificationItem, type UnreadCount } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { CurrentUser } from '../../../core/auth/auth.decorators';
import { ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { NotificationService } from './notification.service';

/** The signed-in user's own notices; another user's notice is 404. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationController {
  constructor(@Inject(NotificationService) private readonly notes: NotificationService) {}

  @Get()
  @ApiZodResponse(200, notificationListSchema, 'the latest 50 not dismissed, newest first, with readAt (null while unread)')
  list(@CurrentUser() user: AuthUser): Promise<NotificationItem[]> {
    return this.notes.list(user);
  }

  @Get('unread-count')
  @ApiZodResponse(200, unreadCountSchema)
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCount> {
    return { unread: await this.notes.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiZodResponse(200, markAllReadResultSchema)
  readAll(@CurrentUser() user: AuthUser): Promise<MarkAllReadResult> {
    return this.notes.readAll(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.notes.read(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  dismiss(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.notes.dismiss(user, id);
  }
}

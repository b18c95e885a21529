import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  contentListQuerySchema,
  contentSchema,
  createContentRequestSchema,
  updateContentRequestSchema,
  z,
  type Content,
  type ContentListQuery,
  type CreateContentRequest,
  type UpdateContentRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { ContentService } from './content.service';

@ApiTags('contents')
@ApiBearerAuth()
@Controller('api/contents')
export class ContentController {
  constructor(@Inject(ContentService) private readonly contents: ContentService) {}

  @Post()
  @Roles('hq_admin')
  @ApiZodBody(createContentRequestSchema)
  @ApiZodResponse(201, contentSchema)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createContentRequestSchema)) dto: CreateContentRequest, @ClientIp() ip: string): Promise<Content> {
    return this.contents.create(user, dto, ip);
  }

  @Get()
  @ApiZodQuery(contentListQuerySchema)
  @ApiZodResponse(200, z.array(contentSchema), 'published content, newest first (HQ with all=1: drafts too)')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(contentListQuerySchema)) query: ContentListQuery): Promise<Content[]> {
    return this.contents.list(user, query.all === '1');
  }

  @Get(':id')
  @ApiZodResponse(200, contentSchema)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<Content> {
    return this.contents.get(user, id);
  }

  @Patch(':id')
  @Roles('hq_admin')
  @ApiZodBody(updateContentRequestSchema)
  @ApiZodResponse(200, contentSchema)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateContentRequestSchema)) dto: UpdateContentRequest, @ClientIp() ip: string): Promise<Content> {
    return this.contents.update(user, id, dto, ip);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  contentAdminListQuerySchema,
  contentAdminListResponseSchema,
  contentAdminSchema,
  contentCategoryListResponseSchema,
  contentCategorySchema,
  contentDraftSchema,
  contentListQuerySchema,
  contentSchema,
  contentStatusRequestSchema,
  saveContentCategoryRequestSchema,
  updateContentDraftSchema,
  z,
  type Content,
  type ContentAdmin,
  type ContentAdminListQuery,
  type ContentAdminListResponse,
  type ContentCategory,
  type ContentCategoryListResponse,
  type ContentDraft,
  type ContentListQuery,
  type ContentStatusRequest,
  type SaveContentCategoryRequest,
  type UpdateContentDraft,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { ContentAdminService } from './content-admin.service';
import { ContentService } from './content.service';

@ApiTags('contents')
@ApiBearerAuth()
@Controller('api/contents')
export class ContentController {
  constructor(
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(ContentAdminService) private readonly admin: ContentAdminService,
  ) {}

  @Post()
  @Roles('hq_admin')
  @ApiZodBody(contentDraftSchema)
  @ApiZodResponse(201, contentAdminSchema)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(contentDraftSchema)) dto: ContentDraft, @ClientIp() ip: string): Promise<ContentAdmin> {
    return this.contents.create(user, dto, ip);
  }

  @Get()
  @ApiZodQuery(contentListQuerySchema)
  @ApiZodResponse(200, z.array(contentSchema), 'published content, newest first (HQ with all=1: drafts too)')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(contentListQuerySchema)) query: ContentListQuery): Promise<Content[]> {
    return this.contents.list(user, query.all === '1');
  }

  @Get('admin')
  @Roles('hq_admin')
  @ApiZodQuery(contentAdminListQuerySchema)
  @ApiZodResponse(200, contentAdminListResponseSchema, 'every content of every status, filtered, with its numbers')
  adminList(@Query(new ZodPipe(contentAdminListQuerySchema)) query: ContentAdminListQuery): Promise<ContentAdminListResponse> {
    return this.admin.list(query);
  }

  @Get(':id')
  @ApiZodResponse(200, contentAdminSchema, 'staff get the contract’s content; HQ also the editor’s document and status')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<Content | ContentAdmin> {
    return this.contents.get(user, id);
  }

  @Patch(':id')
  @Roles('hq_admin')
  @ApiZodBody(updateContentDraftSchema)
  @ApiZodResponse(200, contentAdminSchema)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateContentDraftSchema)) dto: UpdateContentDraft, @ClientIp() ip: string): Promise<ContentAdmin> {
    return this.contents.update(user, id, dto, ip);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodBody(contentStatusRequestSchema)
  @ApiZodResponse(200, contentAdminSchema, '发布 or 下架')
  status(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(contentStatusRequestSchema)) dto: ContentStatusRequest, @ClientIp() ip: string): Promise<ContentAdmin> {
    return this.contents.setStatus(user, id, dto.status, ip);
  }
}

@ApiTags('contents')
@ApiBearerAuth()
@Controller('api/content-categories')
export class ContentCategoryController {
  constructor(@Inject(ContentAdminService) private readonly admin: ContentAdminService) {}

  @Get()
  @ApiZodResponse(200, contentCategoryListResponseSchema)
  async list(): Promise<ContentCategoryListResponse> {
    return { items: await this.admin.listCategories() };
  }

  @Post()
  @Roles('hq_admin')
  @ApiZodBody(saveContentCategoryRequestSchema)
  @ApiZodResponse(201, contentCategorySchema)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(saveContentCategoryRequestSchema)) dto: SaveContentCategoryRequest, @ClientIp() ip: string): Promise<ContentCategory> {
    return this.admin.createCategory(user, dto, ip);
  }

  @Patch(':id')
  @Roles('hq_admin')
  @ApiZodBody(saveContentCategoryRequestSchema)
  @ApiZodResponse(200, contentCategorySchema)
  rename(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(saveContentCategoryRequestSchema)) dto: SaveContentCategoryRequest, @ClientIp() ip: string): Promise<ContentCategory> {
    return this.admin.renameCategory(user, id, dto, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('hq_admin')
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @ClientIp() ip: string): Promise<void> {
    await this.admin.deleteCategory(user, id, ip);
  }
}

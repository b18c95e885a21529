import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { contentPreviewRequestSchema, contentPreviewResponseSchema, type ContentPreviewRequest, type ContentPreviewResponse } from '@fenji/shared';
import { Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { LandingService } from './landing.service';

/** The console's preview: an unsaved draft rendered exactly as customers would get it (no script, inert form). */
@ApiTags('contents')
@ApiBearerAuth()
@Controller('api/contents')
export class ContentPreviewController {
  constructor(@Inject(LandingService) private readonly landing: LandingService) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodBody(contentPreviewRequestSchema)
  @ApiZodResponse(200, contentPreviewResponseSchema)
  async preview(@Body(new ZodPipe(contentPreviewRequestSchema)) dto: ContentPreviewRequest): Promise<ContentPreviewResponse> {
    return { html: await this.landing.preview(dto) };
  }
}

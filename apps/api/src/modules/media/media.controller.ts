import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { UPLOAD_FIELD, UPLOAD_MAX_BYTES, uploadResponseSchema } from '@fenji/shared';
import '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser, Public } from '../../core/auth/auth.decorators';
import { AppException } from '../../core/errors/app.exception';
import { ApiZodResponse } from '../../core/openapi/zod-openapi';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { MediaService } from './media.service';

/** Uploads a staff member (not HQ) may make an hour: a few card photos, not a file host. */
const STAFF_UPLOADS_PER_HOUR = 20;
const tooLarge = () => new AppException(413, 'PAYLOAD_TOO_LARGE', `图片不能大于 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`);

@ApiTags('uploads')
@Controller()
export class MediaController {
  constructor(
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
  ) {}

  /** hq_admin (content images, the logo), or any staff member (their card photo). */
  @Post('api/uploads')
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiZodResponse(201, uploadResponseSchema, 'the largest stored JPEG and its size; 413 over the limit, 415 not an image')
  async upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (user.role !== 'hq_admin') {
      const limit = await this.limits.hit(`upload:staff:${user.id}`, STAFF_UPLOADS_PER_HOUR, 3600);
      if (!limit.allowed) throw AppException.rateLimited(limit.retryAfterSeconds);
    }
    if (!request.isMultipart()) throw AppException.badRequest('VALIDATION_FAILED', `请以 multipart/form-data 上传一个名为 ${UPLOAD_FIELD} 的文件`);
    let data: Buffer;
    try {
      const part = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES } });
      if (!part || part.fieldname !== UPLOAD_FIELD) throw AppException.badRequest('VALIDATION_FAILED', `请上传一个名为 ${UPLOAD_FIELD} 的文件`);
      data = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
    } catch (error) {
      if (error instanceof AppException) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge();
      throw AppException.badRequest('VALIDATION_FAILED', '上传的内容不完整，请重试');
    }
    reply.status(201);
    return this.media.upload(data, user.id);
  }

  /** Stored variants: never change once written (a new upload is a new id), so cached for a year. */
  @Get('media/:id/:file')
  @Public()
  @ApiExcludeEndpoint()
  async serve(@Param('id') id: string, @Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const stored = await this.media.read(id, file);
    if (!stored) throw AppException.notFound('UPLOAD_NOT_FOUND', '图片不存在');
    await reply
      .status(200)
      .headers({ 'content-type': stored.contentType, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' })
      .send(stored.body);
  }
}

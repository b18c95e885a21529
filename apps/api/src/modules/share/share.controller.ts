import { Body, Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createShareRequestSchema, reshareRequestSchema, shareCodeSchema, shareSchema, type CreateShareRequest, type ReshareRequest, type Share } from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Public } from '../../core/auth/auth.decorators';
import { readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { ShareService } from './share.service';

@ApiTags('shares')
@Controller('api')
export class ShareController {
  constructor(@Inject(ShareService) private readonly shares: ShareService) {}

  @Post('shares')
  @ApiBearerAuth()
  @ApiZodBody(createShareRequestSchema)
  @ApiZodResponse(201, shareSchema)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createShareRequestSchema)) dto: CreateShareRequest): Promise<Share> {
    return this.shares.create(user, dto);
  }

  @Post('public/shares/:code/reshare')
  @Public()
  @ApiZodBody(reshareRequestSchema)
  @ApiZodResponse(201, shareSchema, "the visitor's own child share")
  reshare(
    @Param('code', new ZodPipe(shareCodeSchema)) code: string,
    @Body(new ZodPipe(reshareRequestSchema)) dto: ReshareRequest,
    @Req() request: FastifyRequest,
    @ClientIp() ip: string,
  ): Promise<Share> {
    return this.shares.reshare(code, dto.visitorId ?? readVisitorCookie(request), ip);
  }
}

import { Body, Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createCardShareRequestSchema, createShareRequestSchema, reshareRequestSchema, z, type CreateCardShareRequest, shareCodeSchema, shareSchema, type CreateShareRequest, type ReshareRequest, type Share } from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Public } from '../../core/auth/auth.decorators';
import { readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { ShareService } from './share.service';

/** `{ contentId, channel }` or `{ card: true, channel }` (contract Additions). */
const createShareOrCardShareSchema = z.union([createShareRequestSchema, createCardShareRequestSchema]);
const contentSharePipe = new ZodPipe(createShareRequestSchema);
const cardSharePipe = new ZodPipe(createCardShareRequestSchema);
/** Validates with the schema the body names (a union's errors would not say which field is wrong). */
const shareBodyPipe = {
  transform: (v: unknown): CreateShareRequest | CreateCardShareRequest => (v && typeof v === 'object' && 'card' in v ? cardSharePipe : contentSharePipe).transform(v),
};

@ApiTags('shares')
@Controller('api')
export class ShareController {
  constructor(@Inject(ShareService) private readonly shares: ShareService) {}

  @Post('shares')
  @ApiBearerAuth()
  @ApiZodBody(createShareOrCardShareSchema)
  @ApiZodResponse(201, shareSchema, 'a share of a published content, or with `card: true` of the caller’s own card')
  create(@CurrentUser() user: AuthUser, @Body(shareBodyPipe) dto: CreateShareRequest | CreateCardShareRequest): Promise<Share> {
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

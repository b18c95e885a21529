import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { shareCodeSchema, z } from '@fenji/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/auth.decorators';
import { ApiZodQuery } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { PosterService } from './poster.service';

const posterQuerySchema = z.object({ wxacode: z.enum(['0', '1'], { error: 'wxacode 只能是 0 或 1' }).optional() });

@ApiTags('shares')
@ApiBearerAuth()
@Controller('api/shares')
export class PosterController {
  constructor(@Inject(PosterService) private readonly posters: PosterService) {}

  /** The share's member and their managers; 404 for anyone else. */
  @Get(':code/poster.png')
  @ApiProduces('image/png')
  @ApiZodQuery(posterQuerySchema)
  async poster(
    @CurrentUser() user: AuthUser,
    @Param('code', new ZodPipe(shareCodeSchema)) code: string,
    @Query(new ZodPipe(posterQuerySchema)) query: z.infer<typeof posterQuerySchema>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const png = await this.posters.poster(user, code, query.wxacode === '1');
    await reply.status(200).headers({ 'content-type': 'image/png', 'cache-control': 'private, no-cache', 'content-disposition': `inline; filename="poster-${code}.png"` }).send(png);
  }
}

import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { cardSchema, updateCardRequestSchema, type Card, type UpdateCardRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { CardService } from './card.service';

/** Any signed-in staff member, own card only. */
@ApiTags('cards')
@ApiBearerAuth()
@Controller('api/me/card')
export class CardController {
  constructor(@Inject(CardService) private readonly cards: CardService) {}

  @Get()
  @ApiZodResponse(200, cardSchema)
  get(@CurrentUser() user: AuthUser): Promise<Card> {
    return this.cards.mine(user);
  }

  @Put()
  @ApiZodBody(updateCardRequestSchema)
  @ApiZodResponse(200, cardSchema)
  update(@CurrentUser() user: AuthUser, @Body(new ZodPipe(updateCardRequestSchema)) dto: UpdateCardRequest, @ClientIp() ip: string): Promise<Card> {
    return this.cards.update(user, dto, ip);
  }
}

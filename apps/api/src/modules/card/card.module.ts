import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { OrgModule } from '../org/org.module';
import { CardController } from './card.controller';
import { StaffCardEntity } from './card.entity';
import { CardRepository } from './card.repository';
import { CardService } from './card.service';

export const CARD_ENTITIES = [StaffCardEntity];

/** Staff members' own business cards (名片). */
@Module({
  imports: [OrgModule, ContentModule],
  controllers: [CardController],
  providers: [CardService, CardRepository],
  exports: [CardService],
})
export class CardModule {}

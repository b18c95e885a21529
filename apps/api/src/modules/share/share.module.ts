import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { VisitModule } from '../visit/visit.module';
import { ShareController } from './share.controller';
import { ShareEntity } from './share.entity';
import { ShareRepository } from './share.repository';
import { ShareService } from './share.service';

export const SHARE_ENTITIES = [ShareEntity];

@Module({
  imports: [ContentModule, VisitModule],
  controllers: [ShareController],
  providers: [ShareService, ShareRepository],
  exports: [ShareService],
})
export class ShareModule {}

import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { ShareController } from './share.controller';
import { ShareRepository } from './share.repository';
import { ShareService } from './share.service';

@Module({
  imports: [ContentModule],
  controllers: [ShareController],
  providers: [ShareService, ShareRepository],
  exports: [ShareService, ShareRepository],
})
export class ShareModule {}

import { Module } from '@nestjs/common';
import { BrandModule } from '../brand/brand.module';
import { CardModule } from '../card/card.module';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { PosterController } from './poster.controller';
import { PosterService } from './poster.service';

/** Share posters (PNG) with a QR code or the mini-program code. */
@Module({
  imports: [ShareModule, ContentModule, CardModule, BrandModule, MediaModule, OrgModule],
  controllers: [PosterController],
  providers: [PosterService],
})
export class PosterModule {}

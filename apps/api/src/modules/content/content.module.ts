import { Module } from '@nestjs/common';
import { ContentController } from './content.controller';
import { ContentEvents } from './content-events';
import { ContentEntity } from './content.entity';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

export const CONTENT_ENTITIES = [ContentEntity];

@Module({
  controllers: [ContentController],
  providers: [ContentService, ContentRepository, ContentEvents],
  exports: [ContentService, ContentEvents],
})
export class ContentModule {}

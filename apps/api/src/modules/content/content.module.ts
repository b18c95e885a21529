import { Module } from '@nestjs/common';
import { ContentCategoryEntity } from './category/content-category.entity';
import { ContentCategoryRepository } from './category/content-category.repository';
import { ContentAdminService } from './content-admin.service';
import { ContentCategoryController, ContentController } from './content.controller';
import { ContentEvents } from './content-events';
import { ContentEntity } from './content.entity';
import { ContentNumbers } from './content-numbers.port';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

export const CONTENT_ENTITIES = [ContentEntity, ContentCategoryEntity];

@Module({
  controllers: [ContentController, ContentCategoryController],
  // ContentNumbers: the analytics module registers its roll-up numbers at start-up (see content-numbers.port.ts).
  providers: [ContentService, ContentAdminService, ContentRepository, ContentCategoryRepository, ContentEvents, ContentNumbers],
  exports: [ContentService, ContentEvents, ContentNumbers],
})
export class ContentModule {}

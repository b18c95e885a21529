import { Module } from '@nestjs/common';
import { ContentCategoryEntity } from './category/content-category.entity';
import { ContentCategoryRepository } from './category/content-category.repository';
import { ContentAdminService } from './content-admin.service';
import { ContentCategoryController, ContentController } from './content.controller';
import { ContentEvents } from './content-events';
import { ContentEntity } from './content.entity';
import { ContentNumbers, ZeroContentNumbers } from './content-numbers.port';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

export const CONTENT_ENTITIES = [ContentEntity, ContentCategoryEntity];

@Module({
  controllers: [ContentController, ContentCategoryController],
  // ContentNumbers: zeros until the analytics module provides the real numbers (see content-numbers.port.ts).
  providers: [ContentService, ContentAdminService, ContentRepository, ContentCategoryRepository, ContentEvents, { provide: ContentNumbers, useClass: ZeroContentNumbers }],
  exports: [ContentService, ContentEvents],
})
export class ContentModule {}

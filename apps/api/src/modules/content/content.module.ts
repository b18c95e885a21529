import { Module } from '@nestjs/common';
import { ContentController } from './content.controller';
import { ContentEvents } from './content-events';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

@Module({
  controllers: [ContentController],
  providers: [ContentService, ContentRepository, ContentEvents],
  exports: [ContentService, ContentRepository, ContentEvents],
})
export class ContentModule {}

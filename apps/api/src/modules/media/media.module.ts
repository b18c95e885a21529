import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file.store';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { S3FileStore } from './s3-file.store';

/** Uploads (`POST /api/uploads`), resized with sharp, stored through the FileStore, served at `/media/…`. */
@Module({
  controllers: [MediaController],
  providers: [
    MediaService,
    {
      provide: FileStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStore => (config.media.s3 ? new S3FileStore(config.media.s3) : new LocalFileStore(config.media.dir)),
    },
  ],
  exports: [MediaService],
})
export class MediaModule {}

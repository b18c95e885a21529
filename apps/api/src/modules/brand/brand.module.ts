import { Module } from '@nestjs/common';
import { BrandSettingsController } from './brand-settings.controller';
import { BrandSettingsEntity } from './brand-settings.entity';
import { BrandSettingsRepository } from './brand-settings.repository';
import { BrandSettingsService } from './brand-settings.service';

export const BRAND_ENTITIES = [BrandSettingsEntity];

/** HQ's brand on customers' pages and the confirmation's contact promise. */
@Module({
  controllers: [BrandSettingsController],
  providers: [BrandSettingsService, BrandSettingsRepository],
  exports: [BrandSettingsService],
})
export class BrandModule {}

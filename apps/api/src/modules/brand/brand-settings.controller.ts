import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { brandSettingsAdminSchema, updateBrandSettingsRequestSchema, type BrandSettingsAdmin, type UpdateBrandSettingsRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { BrandSettingsService } from './brand-settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings/brand')
export class BrandSettingsController {
  constructor(@Inject(BrandSettingsService) private readonly settings: BrandSettingsService) {}

  @Get()
  @ApiZodResponse(200, brandSettingsAdminSchema, 'the brand on customers’ pages and the contact promise')
  get(): Promise<BrandSettingsAdmin> {
    return this.settings.get();
  }

  @Put()
  @Roles('hq_admin')
  @ApiZodBody(updateBrandSettingsRequestSchema)
  @ApiZodResponse(200, brandSettingsAdminSchema)
  update(@CurrentUser() user: AuthUser, @Body(new ZodPipe(updateBrandSettingsRequestSchema)) dto: UpdateBrandSettingsRequest, @ClientIp() ip: string): Promise<BrandSettingsAdmin> {
    return this.settings.update(user, dto, ip);
  }
}

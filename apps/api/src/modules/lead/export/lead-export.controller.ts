import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { leadExportQuerySchema, type LeadExportQuery } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AcceptsDownloadTicket, ClientIp, CurrentUser, Roles } from '../../../core/auth/auth.decorators';
import { ApiZodQuery } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadExportService } from './lead-export.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/leads')
export class LeadExportController {
  constructor(@Inject(LeadExportService) private readonly exports: LeadExportService) {}

  @Get('export.csv')
  @Roles('hq_admin', 'branch_manager')
  @AcceptsDownloadTicket('lead_export')
  @ApiZodQuery(leadExportQuerySchema)
  @ApiProduces('text/csv')
  csv(@CurrentUser() user: AuthUser, @Query(new ZodPipe(leadExportQuerySchema)) query: LeadExportQuery, @ClientIp() ip: string): StreamableFile {
    const { sort } = this.exports.prepare(user, query);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(this.exports.csv(user, query, sort, ip)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="leads-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`线索-${day}.csv`)}`,
    });
  }
}

import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { downloadTicketRequestSchema, downloadTicketResponseSchema, type DownloadTicketRequest, type DownloadTicketResponse } from '@fenji/shared';
import { ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodPipe } from '../validation/zod.pipe';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './auth.decorators';
import { DownloadTicketService } from './download-ticket.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/download-tickets')
export class DownloadTicketController {
  constructor(@Inject(DownloadTicketService) private readonly tickets: DownloadTicketService) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(downloadTicketRequestSchema)
  @ApiZodResponse(201, downloadTicketResponseSchema, 'one-time, 60 seconds, bound to the caller and the purpose; the download URL carries it as ?ticket=')
  issue(@CurrentUser() user: AuthUser, @Body(new ZodPipe(downloadTicketRequestSchema)) dto: DownloadTicketRequest): Promise<DownloadTicketResponse> {
    return this.tickets.issue(user, dto.purpose);
  }
}

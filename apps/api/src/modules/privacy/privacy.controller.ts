import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  closePrivacyRequestSchema,
  eraseSubjectRequestSchema,
  privacyRequestCodeSchema,
  privacyRequestListQuerySchema,
  privacyRequestListSchema,
  privacyRequestReceiptSchema,
  privacyRequestSchema,
  submitPrivacyRequestSchema,
  type ClosePrivacyRequest,
  type PrivacyRequest,
  type PrivacyRequestCode,
  type PrivacyRequestList,
  type PrivacyRequestListQuery,
  type PrivacyRequestReceipt,
  type SubmitPrivacyRequest,
  eraseSubjectResponseSchema,
  privacySubjectQuerySchema,
  privacySubjectSchema,
  retentionRunResultSchema,
  type EraseSubjectRequest,
  type EraseSubjectResponse,
  type PrivacySubject,
  type PrivacySubjectQuery,
  type RetentionRunResult,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Public, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { PrivacyRequestService } from './privacy-request.service';
import { PrivacySubjectService } from './privacy-subject.service';
import { RetentionService } from './retention.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api')
export class PrivacyController {
  constructor(
    @Inject(PrivacySubjectService) private readonly subjects: PrivacySubjectService,
    @Inject(RetentionService) private readonly retention: RetentionService,
    @Inject(PrivacyRequestService) private readonly requests: PrivacyRequestService,
  ) {}

  @Public()
  @Post('public/privacy-requests/code')
  @HttpCode(204)
  @ApiZodBody(privacyRequestCodeSchema)
  async requestCode(@Body(new ZodPipe(privacyRequestCodeSchema)) dto: PrivacyRequestCode, @ClientIp() ip: string): Promise<void> {
    await this.requests.sendCode(dto.phone, ip);
  }

  @Public()
  @Post('public/privacy-requests')
  @ApiZodBody(submitPrivacyRequestSchema)
  @ApiZodResponse(201, privacyRequestReceiptSchema, "a customer's rights request, verified by the SMS code; answered within 15 working days")
  submitRequest(@Body(new ZodPipe(submitPrivacyRequestSchema)) dto: SubmitPrivacyRequest): Promise<PrivacyRequestReceipt> {
    return this.requests.submit(dto);
  }

  @Get('privacy/requests')
  @Roles('hq_admin')
  @ApiZodQuery(privacyRequestListQuerySchema)
  @ApiZodResponse(200, privacyRequestListSchema, 'customers\' rights requests with their deadline, newest first')
  listRequests(@Query(new ZodPipe(privacyRequestListQuerySchema)) query: PrivacyRequestListQuery): Promise<PrivacyRequestList> {
    return this.requests.list(query);
  }

  @Post('privacy/requests/:id/done')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodBody(closePrivacyRequestSchema)
  @ApiZodResponse(200, privacyRequestSchema, "records HQ's answer to a rights request; audited")
  closeRequest(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body(new ZodPipe(closePrivacyRequestSchema)) dto: ClosePrivacyRequest,
    @ClientIp() ip: string,
  ): Promise<PrivacyRequest> {
    return this.requests.close(user, id, dto, ip);
  }

  @Get('privacy/subjects')
  @Roles('hq_admin')
  @ApiZodQuery(privacySubjectQuerySchema)
  @ApiZodResponse(200, privacySubjectSchema, 'everything held about one phone number (PIPL art. 45); audited')
  subject(@CurrentUser() user: AuthUser, @Query(new ZodPipe(privacySubjectQuerySchema)) query: PrivacySubjectQuery, @ClientIp() ip: string): Promise<PrivacySubject> {
    return this.subjects.export(user, query.phone, ip);
  }

  @Post('privacy/subjects/erase')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodBody(eraseSubjectRequestSchema)
  @ApiZodResponse(200, eraseSubjectResponseSchema, 'anonymises the person (PIPL art. 47): name, phone and messages gone, visits dropped, counts kept; audited')
  erase(@CurrentUser() user: AuthUser, @Body(new ZodPipe(eraseSubjectRequestSchema)) dto: EraseSubjectRequest, @ClientIp() ip: string): Promise<EraseSubjectResponse> {
    return this.subjects.erase(user, dto, ip);
  }

  @Post('jobs/retention')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodResponse(200, retentionRunResultSchema, 'runs the retention job now (it also runs on a timer)')
  runRetention(): Promise<RetentionRunResult> {
    return this.retention.run();
  }
}

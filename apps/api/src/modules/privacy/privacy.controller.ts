import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  eraseSubjectRequestSchema,
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
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { PrivacySubjectService } from './privacy-subject.service';
import { RetentionService } from './retention.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api')
export class PrivacyController {
  constructor(
    @Inject(PrivacySubjectService) private readonly subjects: PrivacySubjectService,
    @Inject(RetentionService) private readonly retention: RetentionService,
  ) {}

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

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from './core/audit/audit.module';
import { AuthModule } from './core/auth/auth.module';
import { type Clock, ClockModule } from './core/clock/clock';
import type { AppConfig } from './core/config/config';
import { ConfigModule } from './core/config/config.module';
import { CoordinationModule } from './core/coordination/coordination.module';
import { DatabaseModule } from './core/database/database.module';
import { ErrorFilter } from './core/errors/error.filter';
import { HealthController } from './core/health/health.controller';
import { MetricsModule } from './core/metrics/metrics.module';
import { RateLimitModule } from './core/rate-limit/rate-limit.module';
import { LinksModule } from './core/links/opt-out-links';
import { SmsModule } from './core/sms/sms.module';
import { WechatModule } from './core/wechat/wechat.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { BrandModule } from './modules/brand/brand.module';
import { CardModule } from './modules/card/card.module';
import { ContentModule } from './modules/content/content.module';
import { DemoModule } from './modules/demo/demo.module';
import { LandingModule } from './modules/landing/landing.module';
import { LeadModule } from './modules/lead/lead.module';
import { AuditLogModule } from './modules/audit/audit-log.module';
import { MediaModule } from './modules/media/media.module';
import { OrgModule } from './modules/org/org.module';
import { PosterModule } from './modules/poster/poster.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ShareModule } from './modules/share/share.module';
import { VisitModule } from './modules/visit/visit.module';
import { SCHEMA } from './database.config';

@Module({})
export class AppModule {
  /** `clock`: tests give their own (it moves forward); the real one otherwise. */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(SCHEMA),
        RateLimitModule,
        CoordinationModule,
        MetricsModule,
        AuditModule,
        WechatModule,
        SmsModule,
        LinksModule,
        // Auth reads staff through the StaffDirectory port; org provides it.
        AuthModule.forRoot({ imports: [OrgModule] }),
        OrgModule,
        ContentModule,
        ShareModule,
        VisitModule,
        LeadModule,
        AuditLogModule,
        CardModule,
        BrandModule,
        MediaModule,
        PrivacyModule,
        LandingModule,
        PosterModule,
        AnalyticsModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}

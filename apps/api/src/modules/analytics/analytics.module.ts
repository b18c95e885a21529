import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { VisitModule } from '../visit/visit.module';
import { AlertService } from './alert.service';
import { ContentNumbersService } from './content-numbers.service';
import { RadarItemEntity } from './radar-item.entity';
import { RadarController } from './radar.controller';
import { RadarGateway } from './radar.gateway';
import { RadarRepository } from './radar.repository';
import { RadarService } from './radar.service';
import { StatsDailyDimEntity, StatsDailyEntity, StatsVisitorDayEntity } from './stats-daily.entity';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';
import { SubscriptionQuotaEntity } from './subscription-quota.entity';
import { SubscriptionQuotaRepository } from './subscription-quota.repository';
import { SubscriptionController } from './subscription.controller';
import { VisitIngestService } from './visit-ingest.service';
import { VisitorStatEntity } from './visitor-stat.entity';
import { VisitorStatRepository } from './visitor-stat.repository';

export const ANALYTICS_ENTITIES = [VisitorStatEntity, RadarItemEntity, StatsDailyEntity, StatsDailyDimEntity, StatsVisitorDayEntity, SubscriptionQuotaEntity];

/**
 * Analytics: what is derived from visits and leads as they arrive (each visitor's aggregates and heat, the lead's
 * heat, the radar and its live WebSocket, alerts, the dashboards' roll-ups) and read back by the staff app and the console.
 */
@Module({
  imports: [VisitModule, ShareModule, ContentModule, OrgModule, LeadModule],
  controllers: [RadarController, StatsController, SubscriptionController],
  providers: [RadarService, RadarRepository, VisitorStatRepository, VisitIngestService, RadarGateway, StatsService, StatsRepository, ContentNumbersService, AlertService, SubscriptionQuotaRepository],
  exports: [ContentNumbersService],
})
export class AnalyticsModule {}

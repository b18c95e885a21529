import { Module } from '@nestjs/common';
import { CardModule } from '../card/card.module';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { VisitModule } from '../visit/visit.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [CardModule, OrgModule, ContentModule, ShareModule, LeadModule, VisitModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}

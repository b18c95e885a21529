import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { LeadController } from './lead.controller';
import { LeadRepository } from './lead.repository';
import { LeadService } from './lead.service';

@Module({
  imports: [OrgModule, ShareModule, ContentModule],
  controllers: [LeadController],
  providers: [LeadService, LeadRepository],
  exports: [LeadService],
})
export class LeadModule {}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { OrgService } from '../../org/org.service';
import { LeadPoolService } from './lead-pool.service';

/** When org disables a staff member, their private leads go to the heir (or the public pool): registered at init. */
@Injectable()
export class StaffLeadHandover implements OnModuleInit {
  constructor(
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
  ) {}

  onModuleInit(): void {
    this.org.onStaffDisabled((actor, staffId, heirId, ip) => this.pool.handOver(actor, staffId, heirId, ip));
  }
}

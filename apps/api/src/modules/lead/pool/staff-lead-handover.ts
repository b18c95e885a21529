import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { OrgService } from '../../org/org.service';
import { LeadRepository } from '../lead.repository';
import { LeadPoolService } from './lead-pool.service';

/**
 * When org disables a staff member, their private leads go to the heir (or the public pool); org's lead counts.
 * Both registered at init.
 */
@Injectable()
export class StaffLeadHandover implements OnModuleInit {
  constructor(
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
  ) {}

  onModuleInit(): void {
    this.org.onStaffDisabled((actor, staffId, heirId, ip) => this.pool.handOver(actor, staffId, heirId, ip));
    // The counts org shows (branches with their leads, the hand-over preview) without importing this module.
    this.org.useLeadCounts({ byBranch: () => this.leads.countByBranch(), heldBy: (staffId) => this.leads.heldBy(staffId) });
  }
}

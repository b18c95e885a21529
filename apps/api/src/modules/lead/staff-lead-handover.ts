import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../core/auth/auth-user';
import { StaffDisableHook } from '../org/staff-disable.hook';
import { LeadPoolService } from './lead-pool.service';

@Injectable()
export class StaffLeadHandover extends StaffDisableHook {
  constructor(@Inject(LeadPoolService) private readonly pool: LeadPoolService) {
    super();
  }

  handOverLeads(actor: AuthUser, staffId: string, toStaffId: string | null, ip: string): Promise<number> {
    return this.pool.handOver(actor, staffId, toStaffId, ip);
  }
}

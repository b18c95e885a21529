import { Inject, Injectable } from '@nestjs/common';
import type { LeadExportQuery, LeadSort } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { Clock } from '../../../core/clock/clock';
import { AppException } from '../../../core/errors/app.exception';
import { listScope } from '../access/lead-access.policy';
import { SORT_SPECS, sortValueOf, type KeysetAfter } from '../lead-sort.util';
import { toLeadPageItem } from '../lead.mapper';
import { LeadRepository } from '../lead.repository';
import { LeadService } from '../lead.service';
import { PoolSettingsService } from '../settings/pool-settings.service';
import { CSV_BOM, csvHeader, csvRow } from './lead-csv.util';

const BATCH = 500;

/**
 * The lead pool as a file: the list's filters and order, the list's masking (in full only for the owner), walked
 * in keyset pages so memory stays flat whatever the size. Audited with the filters and the rows written, also when
 * the download is cut short.
 */
@Injectable()
export class LeadExportService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadService) private readonly leadService: LeadService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Checks what can fail before the first byte (so a refusal is still the contract's JSON error). */
  prepare(user: AuthUser, query: LeadExportQuery): { sort: LeadSort } {
    const sort = query.sort ?? 'created_desc';
    if ((SORT_SPECS[sort].property === 'heat' || query.heat) && !this.leads.hasHeat()) throw AppException.badRequest('VALIDATION_FAILED', '热度暂不可用，请换一种排序或筛选');
    return { sort };
  }

  async *csv(user: AuthUser, query: LeadExportQuery, sort: LeadSort, ip: string): AsyncGenerator<string> {
    const { ticket: _ticket, sort: _sort, ...filters } = query;
    let written = 0;
    try {
      yield CSV_BOM + csvHeader();
      const filter = listScope(user, filters);
      if (!filter) return;
      const settings = await this.settings.get();
      const spec = SORT_SPECS[sort];
      let after: KeysetAfter | undefined;
      for (;;) {
        const page = await this.leads.page(filter, BATCH, { sort, after });
        if (!page.length) return;
        const ctx = await this.leadService.pageContext(user, page, this.clock.now(), settings);
        yield page.map((lead) => csvRow(toLeadPageItem(lead, ctx))).join('');
        written += page.length;
        if (page.length < BATCH) return;
        const last = page[page.length - 1];
        after = { value: sortValueOf(last, spec), id: last.id };
      }
    } finally {
      await this.audit.record({ actorStaffId: user.id, action: 'lead.export', targetType: 'export', detail: { format: 'csv', filters, sort, count: written }, ip });
    }
  }
}

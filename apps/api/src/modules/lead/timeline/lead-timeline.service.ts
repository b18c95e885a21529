import { Inject, Injectable } from '@nestjs/common';
import type { LeadDetailView } from '@fenji/shared';
import { Clock } from '../../../core/clock/clock';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ContentService } from '../../content/content.service';
import { OrgService } from '../../org/org.service';
import { ShareService } from '../../share/share.service';
import { ConsentService } from '../../privacy/consent.service';
import { VisitService } from '../../visit/visit.service';
import { canSee } from '../access/lead-access.policy';
import { toFollowUp } from '../follow-up/follow-up.mapper';
import { FollowUpRepository } from '../follow-up/follow-up.repository';
import { TouchRepository } from '../intake/touch.repository';
import { isoOrNull, toLeadExtras, toLeadListItem } from '../lead.mapper';
import { toConsent, toOwnershipChanges, toVisits } from './lead-detail.mapper';
import { LeadRepository } from '../lead.repository';
import { leadNotFound, LeadService } from '../lead.service';
import { OwnershipRepository } from '../pool/ownership.repository';
import { PoolSettingsService } from '../settings/pool-settings.service';
import { timelineShareIds, timelineStaffIds, toTimeline } from './lead-timeline.mapper';

/** What happened to a lead, read across every part: its detail with the timeline. */
@Injectable()
export class LeadTimelineService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(TouchRepository) private readonly touches: TouchRepository,
    @Inject(OwnershipRepository) private readonly changes: OwnershipRepository,
    @Inject(FollowUpRepository) private readonly followUps: FollowUpRepository,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(LeadService) private readonly leadService: LeadService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ConsentService) private readonly consents: ConsentService,
  ) {}

  async detail(user: AuthUser, id: string): Promise<LeadDetailView> {
    const lead = await this.leads.findById(id);
    if (!lead || !canSee(user, lead)) throw leadNotFound();
    const [touches, changes, visits, chain, followUps, statusChanges, member, settings] = await Promise.all([
      this.touches.touchesOf(id),
      this.changes.changesOf(id),
      this.visits.visitsOfLead(id),
      this.shares.chainTo(lead.firstShareId),
      this.followUps.followUpsOf(id),
      this.followUps.statusChangesOf(id),
      this.followUps.findMember(id),
      this.settings.get(),
    ]);
    const shares = new Map((await this.shares.findByIds(timelineShareIds({ touches, changes, visits }))).map((s) => [s.id, s]));
    const [contentTitles, names, pageContext] = await Promise.all([
      this.contents.titlesByIds([...[...shares.values()].map((s) => s.contentId), ...(lead.sourceContentId ? [lead.sourceContentId] : [])]),
      this.org.staffNames(timelineStaffIds({ lead, touches, changes, followUps, statusChanges, visits })),
      this.leadService.pageContext(user, [lead], this.clock.now(), settings),
    ]);
    return {
      ...toLeadListItem(lead, user, names, settings),
      ...toLeadExtras(lead, pageContext),
      message: lead.message,
      consentVersion: lead.consentVersion,
      consentedAt: lead.consentedAt.toISOString(),
      referrerVisitorId: lead.referrerVisitorId,
      chainDepth: lead.chainDepth,
      shareChain: chain.map((s) => ({ shareCode: s.code, depth: s.depth, sharerVisitorId: s.sharerVisitorId, staffId: s.staffId, channel: s.channel })),
      timeline: toTimeline({ lead, touches, changes, followUps, statusChanges, visits, shares, contentTitles, names }),
      followUps: followUps.map((f) => toFollowUp(f, names)),
      memberId: member?.id ?? null,
      doNotContactAt: isoOrNull(lead.doNotContactAt),
      doNotContactReason: lead.doNotContactReason,
      ownershipChanges: toOwnershipChanges(changes, names, await this.org.branchNames(changes.map((c) => c.toBranchId))),
      visits: toVisits(visits, shares, contentTitles, names),
      consent: toConsent(lead, contentTitles, (await this.consents.forLead(lead.id)).at(-1)),
    };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../core/auth/auth-user';
import { hashPassword } from '../../core/auth/password.util';
import { CardService } from '../card/card.service';
import { ContentService } from '../content/content.service';
import { LeadCareService } from '../lead/care/lead-care.service';
import { FollowUpService } from '../lead/follow-up/follow-up.service';
import { LeadIntakeService } from '../lead/intake/lead-intake.service';
import { LeadService } from '../lead/lead.service';
import { LeadPoolService } from '../lead/pool/lead-pool.service';
import { TagService } from '../lead/tag/tag.service';
import { OrgService } from '../org/org.service';
import { ShareService } from '../share/share.service';
import { VisitService } from '../visit/visit.service';
import { DEMO_BRANCHES, DEMO_CARDS, DEMO_CONTENTS, DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';
import { demoVisitorId, seedDemoVisits } from './demo-visits';

/** DEMO=1 on an empty database: a small organisation with content, shares and leads, made through the real services. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(LeadIntakeService) private readonly intake: LeadIntakeService,
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(FollowUpService) private readonly followUps: FollowUpService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(TagService) private readonly tags: TagService,
    @Inject(LeadCareService) private readonly care: LeadCareService,
    @Inject(CardService) private readonly cards: CardService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if (await this.org.hasStaff()) return false;
    const branchIds: string[] = [];
    for (const name of DEMO_BRANCHES) branchIds.push(await this.org.addBranch(name));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const users = new Map<string, AuthUser>();
    for (const s of DEMO_STAFF) {
      const branchId = s.branch === null ? null : branchIds[s.branch];
      const id = await this.org.addActiveStaff({ name: s.name, phone: s.phone, role: s.role, branchId, passwordHash });
      users.set(s.key, { id, name: s.name, role: s.role, branchId });
    }
    const hq = users.get('hq') as AuthUser;
    const contentIds: string[] = [];
    for (const c of DEMO_CONTENTS) contentIds.push((await this.contents.create(hq, { ...c, published: true }, 'demo')).id);

    // The sellers' own cards, featuring the first contents.
    for (const [key, card] of Object.entries(DEMO_CARDS)) await this.cards.update(users.get(key) as AuthUser, { ...card, featuredContentIds: contentIds.slice(0, 2) }, 'demo');
    const sellers = [users.get('staffA') as AuthUser, users.get('staffB') as AuthUser];
    const phones: string[] = [];
    const customerShares: string[] = [];
    for (const [i] of DEMO_CUSTOMERS.entries()) {
      const share = await this.shares.create(sellers[i % 2], { contentId: contentIds[i % contentIds.length], channel: i % 3 === 0 ? 'moments' : 'wechat_friend' });
      customerShares.push(share.code);
    }
    // What the customers read before they left details (the radar and heat).
    await seedDemoVisits(this.visits, this.shares, customerShares);
    for (const [i, name] of DEMO_CUSTOMERS.entries()) {
      const phone = `139${String(10000000 + i * 7919).padStart(8, '0')}`;
      phones.push(phone);
      await this.intake.submit(
        { shareCode: customerShares[i], name, phone, consent: true, ...(i % 4 === 0 ? { message: '想了解一下价格' } : {}) },
        { ip: 'demo', visitorId: demoVisitorId(i) },
      );
    }
    // Something on every screen: follow-ups and statuses, two leads in the public pool, one collision.
    const [a, b] = sellers;
    const mine = (await this.leads.list(a, { limit: 100 })).items;
    const hour = 3600_000;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    await this.followUps.add(a, mine[0].id, { method: 'phone', note: '电话沟通，客户周末到店看样机' });
    await this.followUps.changeStatus(a, mine[0].id, { status: 'qualified' });
    await this.followUps.add(a, mine[1].id, { method: 'wechat', note: '微信发送了产品资料' });
    // 待跟进: one planned in two hours, one that slipped this morning, one next week; tags; one 不再联系.
    await this.followUps.add(a, mine[1].id, { method: 'phone', note: '客户说下午有空，再打一次', nextAt: at(2 * hour) });
    await this.followUps.add(a, mine[2].id, { method: 'wechat', note: '约好上午发报价单', nextAt: at(-3 * hour) });
    await this.followUps.add(a, mine[3].id, { method: 'visit', note: '到店看过样品，下周回访', nextAt: at(7 * 24 * hour) });
    await this.tags.setHq(hq, ['高意向', '老客户转介绍', '团购意向'], 'demo');
    await this.tags.setLeadTags(a, mine[0].id, ['高意向', '周末到店']);
    await this.tags.setLeadTags(a, mine[2].id, ['团购意向']);
    await this.tags.setLeadTags(a, mine[3].id, ['老客户转介绍', '要发票']);
    await this.care.update(a, mine[5].id, { doNotContact: true, reason: '客户电话里要求不要再联系' }, 'demo');
    for (const lead of mine.slice(-2)) await this.pool.release(a, lead.id, '客户暂无需求', 'demo');
    const other = await this.shares.create(b, { contentId: contentIds[0], channel: 'wechat_friend' });
    await this.intake.submit({ shareCode: other.code, name: DEMO_CUSTOMERS[4], phone: phones[4], consent: true }, { ip: 'demo', visitorId: null });
    this.logger.log(`demo organisation created: ${DEMO_STAFF.length} staff, ${DEMO_CONTENTS.length} contents, ${DEMO_CUSTOMERS.length} leads`);
    return true;
  }
}

import {
  DEFAULT_POOL_SETTINGS,
  type AuthTokens,
  type Card,
  type NotificationItem,
  type RadarItem,
  type RadarVisitor,
  type Content,
  type FollowUp,
  type LeadPageItem,
  type PoolSettings,
  type SessionUser,
  type Share,
  type TimelineEntry,
} from '@fenji/shared';
import type { LeadDetailView } from '../src/services/lead.service';
import { saveSession } from '../src/services/session.service';

let seq = 0;
const next = () => ++seq;

export function buildUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return { id: `staff${next()}`, name: '李雷', role: 'staff', branchId: 'branch1', ...overrides };
}

export function buildTokens(overrides: Partial<AuthTokens> = {}): AuthTokens {
  const n = next();
  return { accessToken: `access-token-${n}`, refreshToken: `refresh-token-${n}`, user: buildUser(), ...overrides };
}

export function buildContent(overrides: Partial<Content> = {}): Content {
  const n = next();
  return {
    id: `content${n}`,
    kind: 'article',
    title: `春季新品介绍 ${n}`,
    summary: '三分钟了解新品亮点',
    body: '第一段。\n第二段。',
    coverUrl: null,
    published: true,
    publishedAt: '2026-11-01T08:00:00.000Z',
    createdAt: '2026-11-01T07:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}

export function buildShare(overrides: Partial<Share> = {}): Share {
  const code = `Code${String(next()).padStart(6, '0')}`;
  return { code, url: `https://fenji.example.com/s/${code}`, ...overrides };
}

export function buildLead(overrides: Partial<LeadPageItem> = {}): LeadPageItem {
  const n = next();
  return {
    id: `lead${n}`,
    name: `客户${n}`,
    phone: '138****5678',
    phoneMasked: true,
    status: 'new',
    ownerStaffId: 'staff1',
    ownerName: '李雷',
    branchId: 'branch1',
    pool: 'private',
    touchCount: 2,
    createdAt: '2026-11-01T08:00:00.000Z',
    lastTouchAt: '2026-11-02T09:30:00.000Z',
    protectedUntil: '2026-12-02T09:30:00.000Z',
    recycleAt: '2026-11-09T09:30:00.000Z',
    lastFollowUpAt: null,
    ...overrides,
  };
}

/** A lead in the public pool (公海) as a staff member sees it: no owner, phone masked, no clocks. */
export function buildPublicLead(overrides: Partial<LeadPageItem> = {}): LeadPageItem {
  return buildLead({
    ownerStaffId: null,
    ownerName: null,
    pool: 'public',
    protectedUntil: null,
    recycleAt: null,
    ...overrides,
  });
}

/** A tag as `GET /api/tags` lists it (ids as the API makes them: the name's own stand-in here). */
export function buildTag(name: string, hq = false, leadCount = 1): { id: string; name: string; hq: boolean; leadCount: number } {
  return { id: `tag-${name}`, name, hq, leadCount };
}

/** A tag on a lead, as the list and the detail carry it. */
export const tagRef = (name: string) => ({ id: `tag-${name}`, name });

/** `GET /api/leads/:id` as this page reads it: the lead with its timeline and follow-ups. */
export function buildLeadDetail(overrides: Partial<LeadDetailView> = {}): LeadDetailView {
  return { ...buildLead(), timeline: [], followUps: [], memberId: null, ...overrides };
}

export function buildFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  const n = next();
  return {
    id: `followup${n}`,
    leadId: 'lead1',
    staffId: 'staff1',
    staffName: '李雷',
    method: 'phone',
    note: `电话沟通了需求 ${n}`,
    nextAt: null,
    createdAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}

export function buildPoolSettings(overrides: Partial<PoolSettings> = {}): PoolSettings {
  return { ...DEFAULT_POOL_SETTINGS, ...overrides };
}

export function buildTimelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    kind: 'submission',
    at: '2026-11-02T09:30:00.000Z',
    staffId: 'staff1',
    staffName: '李雷',
    shareCode: 'Code000001',
    channel: 'wechat_friend',
    contentTitle: '春季新品介绍',
    summary: '客户通过李雷分享的《春季新品介绍》留下了联系方式',
    ...overrides,
  };
}

/** A signed-in staff member, as the app keeps it in storage. */
export function signIn(tokens: AuthTokens = buildTokens()): AuthTokens {
  saveSession(tokens);
  return tokens;
}

let radarSeq = 0;

/** A radar item with a time-ordered id (a later call has a greater id, like the API's ULIDs). */
export function buildRadarItem(overrides: Partial<RadarItem> = {}): RadarItem {
  radarSeq += 1;
  return {
    id: `01KRADAR${String(radarSeq).padStart(8, '0')}`,
    type: 'view',
    at: '2026-11-30T06:00:00.000Z',
    visitor: { id: `visitor${radarSeq}`, label: '访客 3F2A' },
    content: { id: 'content1', title: '春季新品介绍' },
    shareCode: 'Code000001',
    ...overrides,
  };
}

export function buildRadarVisitor(overrides: Partial<RadarVisitor> = {}): RadarVisitor {
  const n = next();
  return {
    id: `visitor${n}`,
    label: `访客 ${String(n).padStart(4, '0')}`,
    leadId: null,
    leadName: null,
    heat: 50,
    heatReason: '2 次查看 · 停留 1 分钟',
    views: 2,
    totalDwellSeconds: 60,
    maxReadPercent: 40,
    reshares: 0,
    reshareVisitors: 0,
    lastAt: '2026-11-30T06:00:00.000Z',
    lastContent: { id: 'content1', title: '春季新品介绍' },
    ...overrides,
  };
}

export function buildCard(overrides: Partial<Card> = {}): Card {
  return {
    staffId: 'staff1',
    name: '李雷',
    branchName: '静安店',
    title: '净水顾问',
    phone: '13800001111',
    showPhone: true,
    wechatId: 'lilei_water',
    showWechatId: false,
    intro: '十年净水经验',
    avatarUrl: null,
    featuredContentIds: [],
    updatedAt: null,
    ...overrides,
  };
}

export function buildNotification(overrides: Partial<NotificationItem> = {}): NotificationItem {
  const n = next();
  return {
    id: `notification${n}`,
    kind: 'recycle_warning',
    leadId: `lead${n}`,
    leadName: '王芳',
    message: '王芳 将在 2 天后回到公海，请及时跟进',
    createdAt: '2026-11-30T06:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

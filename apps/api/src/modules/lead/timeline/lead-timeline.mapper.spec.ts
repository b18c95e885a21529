import { leadFactory, NOW } from '../../../../test/factories/lead.factory';
import { shareFactory } from '../../../../test/factories/share.factory';
import type { FollowUpEntity } from '../follow-up/follow-up.entity';
import type { TouchEntity } from '../intake/touch.entity';
import type { OwnershipChangeEntity } from '../pool/ownership-change.entity';
import { toCollision } from './collision.mapper';
import { timelineShareIds, timelineStaffIds, toTimeline } from './lead-timeline.mapper';

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const touch = (o: Partial<TouchEntity>): TouchEntity => ({ id: 't', leadId: 'l', shareId: 'share-1', staffId: 'staff-owner', visitorId: null, name: '王芳', message: null, idempotencyKey: null, idempotencyHash: null, collision: false, createdAt: at(0), ...o });
const change = (o: Partial<OwnershipChangeEntity>): OwnershipChangeEntity => ({ id: 'c', leadId: 'l', seq: 1, fromStaffId: null, toStaffId: 'staff-owner', toPool: 'private', toBranchId: 'branch-a', rule: 'first_touch', actorStaffId: null, reason: null, shareId: 'share-1', createdAt: at(0), ...o });
const names = new Map([['staff-owner', '李娜'], ['staff-b', '王强'], ['hq-admin', '周总部']]);
const shares = new Map([['share-1', shareFactory()], ['share-2', shareFactory({ id: 'share-2', staffId: 'staff-b', depth: 2, channel: 'link' })]]);
const titles = new Map([['content-1', '净水器']]);

describe('the timeline of a lead', () => {
  const sources = {
    lead: leadFactory({ ownerStaffId: 'staff-owner' }),
    touches: [touch({ createdAt: at(0), message: '想了解价格' }), touch({ id: 't2', shareId: 'share-2', staffId: 'staff-b', collision: true, createdAt: at(5) })],
    changes: [change({}), change({ id: 'c2', seq: 2, fromStaffId: 'staff-owner', toStaffId: 'staff-b', rule: 'assigned', actorStaffId: 'hq-admin', reason: '休假', shareId: null, createdAt: at(10) })],
    followUps: [{ id: 'f', leadId: 'l', staffId: 'staff-owner', method: 'phone', note: '已回电', nextAt: new Date(Number.NaN), createdAt: at(3) } as FollowUpEntity],
    statusChanges: [],
    visits: [],
  };

  it('tells every entry in Chinese with names, not ids, oldest first', () => {
    const timeline = toTimeline({ ...sources, shares, contentTitles: titles, names });
    expect(timeline.map((e) => e.kind)).toEqual(['submission', 'ownership', 'follow_up', 'collision', 'ownership']);
    expect(timeline[0]).toMatchObject({ staffName: '李娜', shareCode: shareFactory().code, contentTitle: '净水器', summary: '通过微信好友分享的《净水器》留资：想了解价格' });
    expect(timeline[3].summary).toBe('撞单：王强 的分享触达了保护期内的线索，归属仍为 李娜');
    expect(timeline[4].summary).toBe('归属由 李娜 变为 王强：分配，操作人 周总部，原因：休假');
    expect(timeline.map((e) => e.summary).join()).not.toMatch(/staff-|share-|content-/);
  });

  it('leaves out a stored date that is not a date instead of failing', () => {
    const followUp = toTimeline({ ...sources, shares, contentTitles: titles, names }).find((e) => e.kind === 'follow_up');
    expect(followUp?.summary).toBe('李娜 电话跟进：已回电');
  });

  it('names every staff member and share it mentions, so each is read once', () => {
    expect(new Set(timelineStaffIds(sources))).toEqual(new Set(['staff-owner', 'staff-b', 'hq-admin', null]));
    expect(timelineShareIds(sources).sort()).toEqual(['share-1', 'share-2']);
  });
});

describe('a collision in HQ’s list', () => {
  it('names the owner and the staff member whose share touched the lead', () => {
    const lead = leadFactory({ id: 'l', name: '张伟', ownerStaffId: 'staff-owner' });
    expect(toCollision(touch({ id: 't2', leadId: 'l', shareId: 'share-1', staffId: 'staff-b', collision: true }), lead, shares.get('share-1'), titles, names)).toEqual({
      id: 't2',
      at: at(0).toISOString(),
      leadId: 'l',
      leadName: '张伟',
      ownerStaffId: 'staff-owner',
      ownerName: '李娜',
      staffId: 'staff-b',
      staffName: '王强',
      shareCode: shareFactory().code,
      contentTitle: '净水器',
    });
  });
});

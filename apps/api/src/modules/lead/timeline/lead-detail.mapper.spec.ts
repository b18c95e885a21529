import { leadFactory } from '../../../../test/factories/lead.factory';
import { shareFactory } from '../../../../test/factories/share.factory';
import type { VisitEventEntity } from '../../visit/visit-event.entity';
import { toConsent, toVisits, visitorLabel } from './lead-detail.mapper';

let seq = 0;
function event(type: VisitEventEntity['type'], fields: Partial<VisitEventEntity> = {}): VisitEventEntity {
  seq++;
  return { id: `01K000000000000000000000${String(seq).padStart(2, '0')}`, shareId: 'share-1', staffId: 'staff-owner', visitorId: 'visitor-a', type, value: null, createdAt: new Date(Date.UTC(2026, 10, 1, 0, seq)), ...fields };
}

describe('the lead detail in words', () => {
  const shares = new Map([
    ['share-1', shareFactory()],
    ['share-2', shareFactory({ id: 'share-2', channel: 'moments', sharerVisitorId: 'visitor-3f2a', depth: 1 })],
  ]);
  const titles = new Map([['content-1', '春季新品']]);
  const names = new Map([['staff-owner', '李娜']]);

  it('a visit carries the dwell, read depth and re-share recorded before the next view, newest first', () => {
    const events = [
      event('view'),
      event('dwell', { value: 40 }),
      event('read_depth', { value: 55 }),
      event('dwell', { value: 95.4 }),
      event('reshare'),
      event('view', { shareId: 'share-2' }),
      event('view'),
      event('read_depth', { value: 130 }),
      event('dwell', { value: 12, visitorId: 'visitor-b' }),
    ];
    const visits = toVisits(events, shares, titles, names);
    expect(visits.map((v) => [v.contentTitle, v.channel, v.dwellSeconds, v.readDepth, v.reshared, v.viaLabel])).toEqual([
      ['春季新品', 'wechat_friend', null, 100, false, '李娜'],
      ['春季新品', 'moments', null, null, false, '访客 3F2A'],
      ['春季新品', 'wechat_friend', 95, 55, true, '李娜'],
    ]);
  });

  it('labels visitors without their id and says which fields the consent covered', () => {
    expect(visitorLabel('v0000000000000abcd')).toBe('访客 ABCD');
    const lead = leadFactory({ sourceContentId: 'content-1', message: '想了解价格' });
    expect(toConsent(lead, titles)).toEqual({ version: lead.consentVersion, at: lead.consentedAt.toISOString(), contentTitle: '春季新品', fields: ['姓名', '手机号', '留言'] });
    expect(toConsent(leadFactory({ sourceContentId: null }), titles).fields).toEqual(['姓名', '手机号']);
    // The consent ledger's newest row names the notice the customer agreed to most recently.
    expect(toConsent(lead, titles, { noticeVersion: '2026-12-01', at: '2026-12-02T03:04:05.000Z' })).toMatchObject({ version: '2026-12-01', at: '2026-12-02T03:04:05.000Z', contentTitle: '春季新品' });
  });
});

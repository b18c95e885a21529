import { describeHeat, heatLevel, myStatsQuerySchema, notificationItemSchema, wsServerMessageSchema } from './index';

describe('describeHeat', () => {
  it('puts the factors into words, leaving out what did not happen', () => {
    expect(describeHeat({ views: 3, totalDwellSeconds: 250, reshares: 2, reshareVisitors: 5 })).toBe('3 次查看 · 停留 4 分钟 · 转发 2 次，带来 5 人');
    expect(describeHeat({ views: 1, totalDwellSeconds: 40, maxReadPercent: 100, reshares: 0 })).toBe('1 次查看 · 停留 40 秒 · 读完全文');
    expect(describeHeat({ views: 0, totalDwellSeconds: 0, reshares: 0 })).toBe('');
  });

  it('grades a score', () => {
    expect([heatLevel(85), heatLevel(70), heatLevel(45), heatLevel(10)]).toEqual(['hot', 'hot', 'warm', 'cold']);
  });
});

describe('wsServerMessageSchema', () => {
  const item = { id: '01J0', type: 'view', at: '2026-11-30T01:00:00.000Z', visitor: { id: 'v1', label: '访客 3F2A' }, content: { id: 'c1', title: '新品' }, shareCode: 'Abcdefgh' };

  it('reads a radar message and rejects an unknown type or a broken item', () => {
    expect(wsServerMessageSchema.safeParse({ type: 'radar', item }).success).toBe(true);
    expect(wsServerMessageSchema.safeParse({ type: 'radar', item: { ...item, type: 'click' } }).success).toBe(false);
    expect(wsServerMessageSchema.safeParse({ type: 'hello' }).success).toBe(false);
  });
});

describe('myStatsQuerySchema', () => {
  it('takes 1, 7 or 30 days only', () => {
    expect(myStatsQuerySchema.parse({ days: '7' })).toEqual({ days: 7 });
    expect(myStatsQuerySchema.safeParse({ days: '14' }).success).toBe(false);
  });
});

describe('notificationItemSchema', () => {
  it('treats a notice from an older server (no readAt) as unread', () => {
    const old = { id: 'n1', kind: 'assigned', leadId: 'l1', leadName: '王芳', message: '总部把 王芳 分配给了你', createdAt: '2026-11-30T01:00:00.000Z' };
    expect(notificationItemSchema.parse(old).readAt).toBeNull();
  });
});

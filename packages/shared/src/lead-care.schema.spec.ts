import { leadPageQuerySchema, nextFollowUpAtSchema, setLeadTagsRequestSchema, updateLeadRequestSchema } from './index';

describe('nextFollowUpAtSchema', () => {
  const now = new Date('2026-11-30T15:23:00.000Z');

  it('takes a time after now and within a year', () => {
    expect(nextFollowUpAtSchema(now).safeParse('2026-12-01T01:00:00.000Z').success).toBe(true);
  });

  it('refuses a moment in the past, now itself, a time years ahead and garbage', () => {
    const schema = nextFollowUpAtSchema(now);
    expect(schema.safeParse('2026-11-30T01:00:00.000Z').error?.issues[0].message).toBe('下次跟进时间不能早于现在');
    expect(schema.safeParse(now.toISOString()).success).toBe(false);
    expect(schema.safeParse('2999-01-01T01:00:00.000Z').error?.issues[0].message).toBe('下次跟进时间请在一年之内');
    expect(schema.safeParse('soon').success).toBe(false);
  });
});

describe('lead care requests', () => {
  it('tags: trimmed names of at most 12 characters, at most 10', () => {
    expect(setLeadTagsRequestSchema.parse({ tags: [' 高意向 '] })).toEqual({ tags: ['高意向'] });
    expect(setLeadTagsRequestSchema.safeParse({ tags: ['a,b'] }).success).toBe(false);
    expect(setLeadTagsRequestSchema.safeParse({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }).success).toBe(false);
  });

  it('不再联系 needs a reason', () => {
    expect(updateLeadRequestSchema.safeParse({ doNotContact: true }).success).toBe(false);
    expect(updateLeadRequestSchema.safeParse({ doNotContact: true, reason: '客户要求' }).success).toBe(true);
    expect(updateLeadRequestSchema.safeParse({ wechatId: 'wx_abc123' }).success).toBe(true);
  });

  it('the one list query takes the staff app\'s tagId, due and sort beside the contract filters', () => {
    const tagId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    expect(leadPageQuerySchema.parse({ tagId, due: '1', sort: 'heat_desc', status: 'new' })).toEqual({ tagId, due: '1', sort: 'heat_desc', status: 'new' });
    expect(leadPageQuerySchema.safeParse({ sort: 'name' }).success).toBe(false);
    expect(leadPageQuerySchema.safeParse({ due: '2' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { buildLeadDetail } from '../../../testing/lead.factory';
import { ownershipWhy, shareTreeOf, timelineSentence } from './lead-words';

const entry = (summary: string, extra = {}) => ({
  kind: 'visit' as const,
  at: '2026-11-20T02:20:00.000Z',
  staffId: 's1',
  staffName: '王小明',
  shareCode: 'Child5678',
  channel: 'link' as const,
  contentTitle: '换季净水指南',
  summary,
  ...extra,
});

describe('lead words', () => {
  it('writes coded visit events as Chinese sentences (never dwell 3 or form_open)', () => {
    expect(timelineSentence(entry('dwell 3'))).toBe('阅读《换季净水指南》 3 秒');
    expect(timelineSentence(entry('form_open'))).toBe('打开了《换季净水指南》的留资表单');
    expect(timelineSentence(entry('reshare'))).toBe('把《换季净水指南》转发给了朋友');
    expect(timelineSentence(entry('浏览了微信好友分享的《换季净水指南》页面'))).toBe('浏览了微信好友分享的《换季净水指南》页面');
    expect(timelineSentence(entry('x', { visitType: 'dwell', dwellSeconds: 125, readDepth: 80 }))).toBe('阅读《换季净水指南》 2 分 5 秒，读到 80%');
    expect(timelineSentence(entry('x', { visitType: 'view', viaLabel: '访客 3F2A' }))).toBe('打开了《换季净水指南》（来自 访客 3F2A 的分享）');
  });

  it('says why the lead is whose from the latest ownership entry', () => {
    const lead = buildLeadDetail({
      ownerName: '李娜',
      timeline: [
        { ...entry(''), kind: 'ownership', at: '2026-11-20T02:30:00Z', summary: '归属 王小明：首次触达（线索由其微信好友分享带来）' },
        { ...entry(''), kind: 'ownership', at: '2026-11-22T02:30:00Z', summary: '归属由 王小明 变为 李娜：分配，操作人 总部小周，原因：门店调整' },
      ],
    });
    expect(ownershipWhy(lead)).toBe('归属由 王小明 变为 李娜：分配，操作人 总部小周，原因：门店调整');
    expect(ownershipWhy({ ...lead, timeline: [] })).toBe('归属 李娜');
    expect(ownershipWhy({ ownerName: null, pool: 'public', timeline: [] })).toBe('归属 公海');
  });

  it('draws the linear chain as a tree of names, ending at the lead, with no share code or visitor id', () => {
    const tree = shareTreeOf(buildLeadDetail({ name: '钱先生' }), new Map([['s1', '王小明']]));
    const titles: string[] = [];
    const walk = (nodes: typeof tree) => nodes.forEach((n) => (titles.push(n.title), walk(n.children)));
    walk(tree);
    expect(titles).toEqual(['王小明 分享 · 微信好友', '访客 FXYZ 转发 · 链接', '钱先生 留下了联系方式']);
    expect(titles.join()).not.toMatch(/Root1234|Child5678|v_0123/);
  });

  it('uses the API share tree when it sends one', () => {
    const tree = shareTreeOf(
      {
        ...buildLeadDetail(),
        shareTree: [
          { id: 'a', parentId: null, label: '李娜', kind: 'staff', channel: 'moments', depth: 0, at: 'x', views: 12, leads: 2, onLeadPath: true },
          { id: 'b', parentId: 'a', label: '张三', kind: 'customer', channel: 'wechat_friend', depth: 1, at: 'x', views: 3, leads: 1, onLeadPath: true },
          { id: 'c', parentId: 'a', label: '访客 9K1B', kind: 'customer', channel: 'link', depth: 1, at: 'x', views: 0, leads: 0, onLeadPath: false },
        ],
      },
      new Map(),
    );
    expect(tree).toHaveLength(1);
    expect(tree[0]!.title).toBe('李娜 分享 · 朋友圈（浏览 12，留资 2）');
    expect(tree[0]!.children.map((c) => c.title)).toEqual(['张三 转发 · 微信好友（浏览 3，留资 1）', '访客 9K1B 转发 · 链接']);
  });
});

import { describe, expect, it } from 'vitest';
import { dayBoundary, describeFilters, filtersFromSearch, sortFromSearch, toApiFilter, toSearch } from './lead-search-params';

const names = { branches: new Map([['b1', '南山店']]), staff: new Map([['s1', '李娜']]), contents: new Map([['c1', '净水器']]), tags: new Map() };

describe('lead pool URL', () => {
  it('keeps valid filters and drops malformed ones', () => {
    const params = new URLSearchParams('status=new&pool=ocean&heat=hot&from=2026-11-01&to=11/30/2026&overdue=yes&q=138&sort=nope');
    expect(filtersFromSearch(params)).toEqual({ status: 'new', heat: 'hot', from: '2026-11-01', q: '138' });
    expect(sortFromSearch(params)).toBe('created_desc');
  });

  it('has one URL per view, and the public pool fixes its own filters', () => {
    expect(toSearch({ q: '张', status: 'new', to: '2026-11-30' }, 'heat_desc').toString()).toBe('q=%E5%BC%A0&status=new&to=2026-11-30&sort=heat_desc');
    expect(filtersFromSearch(new URLSearchParams('pool=private&ownerStaffId=s1&status=new'), 'public')).toEqual({ status: 'new' });
    expect(toApiFilter({ status: 'new' }, 'public')).toEqual({ status: 'new', pool: 'public' });
  });

  it('sends days as local day boundaries', () => {
    expect(toApiFilter({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: dayBoundary('2026-11-01', false), to: dayBoundary('2026-11-30', true) });
    expect(dayBoundary('2026-11-30', true)).toBe(new Date(2026, 10, 30, 23, 59, 59, 999).toISOString());
  });

  it('says the view in words for confirmations', () => {
    expect(describeFilters({ status: 'new', branchId: 'b1', ownerStaffId: 's1', contentId: 'c1', overdue: '1', from: '2026-11-01' }, names)).toBe(
      '状态：新线索；门店：南山店；归属：李娜；内容：《净水器》；跟进逾期；创建于 2026-11-01 至 今天',
    );
    expect(describeFilters({}, names)).toBe('全部线索');
  });
});

import { render, screen } from '@testing-library/react';
import { API } from '@fenji/shared';
import { fakeApi, reply } from '../../../../../test/fake-api';
import { buildLead, buildTimelineEntry, signIn } from '../../../../../test/factories';
import { resetTaro, routerState } from '../../../../../test/mocks/taro';
import LeadDetailPage from './index';

beforeEach(() => {
  resetTaro();
  signIn();
});

describe('lead detail', () => {
  it('shows the lead and its timeline', async () => {
    const lead = buildLead({ name: '钱七', status: 'qualified' });
    routerState.params = { id: lead.id };
    fakeApi({
      [`GET ${API.leadItem(lead.id)}`]: () =>
        reply(200, {
          ...lead,
          timeline: [
            buildTimelineEntry({ kind: 'submission', summary: '客户留下了联系方式' }),
            buildTimelineEntry({ kind: 'collision', summary: '王五的分享触达了该客户，归属不变', channel: 'moments' }),
          ],
        }),
    });
    render(<LeadDetailPage />);

    expect(await screen.findByText('钱七')).toBeTruthy();
    expect(screen.getByText('有意向')).toBeTruthy();
    expect(screen.getByText('客户留下了联系方式')).toBeTruthy();
    expect(screen.getByText('王五的分享触达了该客户，归属不变')).toBeTruthy();
    expect(screen.getByText('撞单')).toBeTruthy();
    expect(screen.getByText('《春季新品介绍》 · 朋友圈 · 李雷')).toBeTruthy();
  });

  it('says so when the lead cannot be shown', async () => {
    routerState.params = { id: 'missing' };
    fakeApi({});
    render(<LeadDetailPage />);
    expect(await screen.findByText('客户不存在或无权查看')).toBeTruthy();
  });
});

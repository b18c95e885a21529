import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type FollowUp, type LeadStatus } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../../../test/fake-api';
import {
  buildFollowUp,
  buildLeadDetail,
  buildTimelineEntry,
  buildTokens,
  buildUser,
  signIn,
} from '../../../../../test/factories';
import Taro, { resetTaro, routerState, type FakeRequestOption } from '../../../../../test/mocks/taro';
import { consumeLeadsChanged } from '../../../../services/lead-changes';
import type { LeadDetailView } from '../../../../services/lead.service';
import { formatDateTime } from '../../../../utils/format-time.util';
import LeadDetailPage from './index';

const ME = 'staff1';

/** What the fake API holds for the lead: `GET /api/leads/:id` answers with it, the action handlers change it. */
interface LeadState {
  detail: LeadDetailView;
}

/** Opens the lead's page over the fake API's `state`, with the given action routes. */
function openLead(
  detail: LeadDetailView,
  routes: (state: LeadState) => Record<string, (req: FakeRequestOption) => ReturnType<typeof reply>> = () => ({}),
) {
  const state: LeadState = { detail };
  routerState.params = { id: detail.id };
  const seen = fakeApi({ [`GET ${API.leadItem(detail.id)}`]: () => reply(200, state.detail), ...routes(state) });
  render(<LeadDetailPage />);
  return seen;
}

const posts = (seen: FakeRequestOption[]) => seen.filter((req) => req.method === 'POST');

/** The chips of one picker (follow-up methods or status options), by their text. */
const chipTexts = (className: string) =>
  Array.from(document.querySelectorAll(`.${className}`)).map((el) => el.textContent);

const chip = (className: string, text: string): HTMLElement => {
  const found = Array.from(document.querySelectorAll<HTMLElement>(`.${className}`)).find((el) => el.textContent === text);
  if (!found) throw new Error(`no ${className} ${text}`);
  return found;
};

beforeEach(() => {
  resetTaro();
  signIn(buildTokens({ user: buildUser({ id: ME }) }));
  consumeLeadsChanged();
});

describe('lead detail', () => {
  it('shows the lead, its clocks, follow-ups and timeline', async () => {
    const protectedUntil = '2026-12-02T09:30:00.000Z';
    const recycleAt = '2026-11-09T09:30:00.000Z';
    openLead(
      buildLeadDetail({
        name: '钱七',
        status: 'qualified',
        protectedUntil,
        recycleAt,
        followUps: [buildFollowUp({ method: 'visit', note: '上门看了样品，下周报价', staffName: '李雷' })],
        timeline: [
          buildTimelineEntry({ kind: 'submission', summary: '客户留下了联系方式' }),
          buildTimelineEntry({ kind: 'collision', summary: '王五的分享触达了该客户，归属不变', channel: 'moments' }),
          buildTimelineEntry({ kind: 'status', summary: '李雷把状态改为有意向', channel: null, contentTitle: null }),
        ],
      }),
    );

    expect(await screen.findByText('钱七')).toBeTruthy();
    expect(screen.getAllByText('有意向').length).toBeGreaterThan(0);
    expect(screen.getByText(`保护期至 ${formatDateTime(protectedUntil)}`)).toBeTruthy();
    expect(screen.getByText(`回收时间 ${formatDateTime(recycleAt)}`)).toBeTruthy();
    expect(screen.getByText('上门看了样品，下周报价')).toBeTruthy();
    expect(screen.getAllByText('上门').length).toBeGreaterThan(0);
    expect(screen.getByText('客户留下了联系方式')).toBeTruthy();
    expect(screen.getByText('王五的分享触达了该客户，归属不变')).toBeTruthy();
    expect(screen.getByText('撞单')).toBeTruthy();
    expect(screen.getByText('状态')).toBeTruthy();
    expect(screen.getByText('《春季新品介绍》 · 朋友圈 · 李雷')).toBeTruthy();
  });

  it('leaves the clocks out when the lead has none', async () => {
    openLead(buildLeadDetail({ name: '钱七', protectedUntil: null, recycleAt: null }));
    await screen.findByText('钱七');
    expect(screen.queryByText(/保护期至/)).toBeNull();
    expect(screen.queryByText(/回收时间/)).toBeNull();
  });

  it('says so when the lead cannot be shown', async () => {
    routerState.params = { id: 'missing' };
    fakeApi({});
    render(<LeadDetailPage />);
    expect(await screen.findByText('客户不存在或无权查看')).toBeTruthy();
  });

  describe('写跟进', () => {
    it('will not save an empty note: the schema says why and nothing is sent', async () => {
      const seen = openLead(buildLeadDetail({ ownerStaffId: ME }));
      fireEvent.click(await screen.findByText('保存跟进'));

      expect(await screen.findByText('请填写跟进记录')).toBeTruthy();
      fireEvent.change(screen.getByPlaceholderText('跟进内容'), { target: { value: '   ' } });
      fireEvent.click(screen.getByText('保存跟进'));
      expect(screen.getByText('请填写跟进记录')).toBeTruthy();
      expect(posts(seen)).toHaveLength(0);
    });

    it('posts method, note and next date, then lists the saved follow-up', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadItem(lead.id)}/follow-ups`]: (req) => {
          const body = req.data as Pick<FollowUp, 'method' | 'note'> & { nextAt?: string };
          const followUp = buildFollowUp({ leadId: lead.id, method: body.method, note: body.note, nextAt: body.nextAt ?? null });
          state.detail = { ...state.detail, followUps: [followUp, ...state.detail.followUps], lastFollowUpAt: followUp.createdAt };
          return reply(201, followUp);
        },
      }));
      await screen.findByText('保存跟进');
      expect(chipTexts('follow-up-method')).toEqual(['电话', '微信', '上门', '其他']);

      fireEvent.click(chip('follow-up-method', '微信'));
      fireEvent.change(screen.getByPlaceholderText('跟进内容'), { target: { value: '  加了微信，发了报价单  ' } });
      // A day a week ahead: the shared schema refuses follow-ups in the past.
      const next = new Date();
      next.setDate(next.getDate() + 7);
      const nextDay = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
      const nextAt = new Date(next.getFullYear(), next.getMonth(), next.getDate(), 9, 0).toISOString();
      fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: nextDay } });
      await act(async () => {
        fireEvent.click(screen.getByText('保存跟进'));
      });

      expect(posts(seen)).toHaveLength(1);
      expect(posts(seen)[0].url).toBe(`/api/leads/${lead.id}/follow-ups`);
      expect(posts(seen)[0].data).toEqual({
        method: 'wechat',
        note: '加了微信，发了报价单',
        nextAt,
      });
      expect(await screen.findByText('加了微信，发了报价单')).toBeTruthy();
      expect(screen.getByText(`下次跟进 ${formatDateTime(nextAt)}`)).toBeTruthy();
      expect((screen.getByPlaceholderText('跟进内容') as HTMLTextAreaElement).value).toBe('');
      // The page reloads the lead for the renewed clocks.
      await waitFor(() => expect(seen.filter((req) => req.method === 'GET')).toHaveLength(2));
    });

    it('sends no next date when none is picked', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, () => ({
        [`POST ${API.leadItem(lead.id)}/follow-ups`]: () => reply(201, buildFollowUp({ leadId: lead.id, note: '打了电话' })),
      }));
      fireEvent.change(await screen.findByPlaceholderText('跟进内容'), { target: { value: '打了电话' } });
      await act(async () => {
        fireEvent.click(screen.getByText('保存跟进'));
      });
      expect(posts(seen)[0].data).toEqual({ method: 'phone', note: '打了电话' });
    });

    it('is only for the owner', async () => {
      openLead(buildLeadDetail({ name: '钱七', ownerStaffId: 'staff9', ownerName: '韩梅梅' }));
      await screen.findByText('钱七');
      expect(screen.queryByText('保存跟进')).toBeNull();
      expect(screen.queryByText('更新状态')).toBeNull();
      expect(screen.queryByText('放回公海')).toBeNull();
      expect(screen.getByText('该客户不属于你，只能查看')).toBeTruthy();
    });
  });

  describe('更新状态', () => {
    it.each<[LeadStatus, string[]]>([
      ['new', ['已联系', '有意向', '已流失']],
      ['contacted', ['有意向', '已成交', '已流失']],
      ['qualified', ['已联系', '已成交', '已流失']],
      ['lost', ['已联系']],
    ])('from %s offers only %j', async (status, offered) => {
      openLead(buildLeadDetail({ ownerStaffId: ME, status }));
      await screen.findByText('更新状态');
      expect(chipTexts('status-option')).toEqual(offered);
    });

    it('offers nothing once converted', async () => {
      openLead(buildLeadDetail({ ownerStaffId: ME, status: 'converted', memberId: 'member1' }));
      expect(await screen.findByText('已成交，状态不可再更改')).toBeTruthy();
      expect(screen.queryByText('更新状态')).toBeNull();
      expect(chipTexts('status-option')).toEqual([]);
      expect(screen.getByText('已转为会员')).toBeTruthy();
    });

    it('asks for a choice, then posts the chosen status and shows it', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, status: 'new' });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadItem(lead.id)}/status`]: (req) => {
          state.detail = { ...state.detail, status: (req.data as { status: LeadStatus }).status };
          const { timeline: _timeline, followUps: _followUps, memberId: _memberId, ...item } = state.detail;
          return reply(200, item);
        },
      }));
      fireEvent.click(await screen.findByText('更新状态'));
      expect(screen.getByText('请选择新的状态')).toBeTruthy();
      expect(posts(seen)).toHaveLength(0);

      fireEvent.click(chip('status-option', '有意向'));
      fireEvent.change(screen.getByPlaceholderText('原因（选填）'), { target: { value: '想要报价' } });
      await act(async () => {
        fireEvent.click(screen.getByText('更新状态'));
      });

      expect(posts(seen)[0]).toMatchObject({ url: `/api/leads/${lead.id}/status`, data: { status: 'qualified', reason: '想要报价' } });
      await waitFor(() => expect(document.querySelector('.lead-detail__head .tag')?.textContent).toBe('有意向'));
      expect(chipTexts('status-option')).toEqual(['已联系', '已成交', '已流失']);
      expect(consumeLeadsChanged()).toBe(true);
    });

    it("shows the server's message when the move is refused", async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, status: 'new' });
      openLead(lead, () => ({
        [`POST ${API.leadItem(lead.id)}/status`]: () => errorReply(409, 'STATUS_TRANSITION_INVALID', '该客户状态已变化，请刷新后重试'),
      }));
      await screen.findByText('更新状态');
      fireEvent.click(chip('status-option', '已联系'));
      await act(async () => {
        fireEvent.click(screen.getByText('更新状态'));
      });
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该客户状态已变化，请刷新后重试' }));
      expect(document.querySelector('.lead-detail__head .tag')?.textContent).toBe('新线索');
    });
  });

  describe('放回公海', () => {
    it('needs a reason, asks to confirm, then releases the lead', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, ownerName: '李雷' });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadItem(lead.id)}/release`]: () => {
          state.detail = { ...state.detail, pool: 'public', ownerStaffId: null, ownerName: null, protectedUntil: null, recycleAt: null };
          return reply(200, { ok: true });
        },
      }));
      fireEvent.click(await screen.findByText('放回公海'));
      expect(await screen.findByText('请填写原因')).toBeTruthy();
      expect(Taro.showModal).not.toHaveBeenCalled();

      fireEvent.change(screen.getByPlaceholderText('放回原因'), { target: { value: '客户已有合作方' } });
      await act(async () => {
        fireEvent.click(screen.getByText('放回公海'));
      });

      expect(Taro.showModal).toHaveBeenCalled();
      expect(posts(seen)[0]).toMatchObject({ url: `/api/leads/${lead.id}/release`, data: { reason: '客户已有合作方' } });
      expect(await screen.findByText('归属：公海')).toBeTruthy();
      expect(screen.queryByText('保存跟进')).toBeNull();
      expect(screen.queryByText('放回公海')).toBeNull();
      expect(consumeLeadsChanged()).toBe(true);
    });

    it('sends nothing when the owner cancels', async () => {
      Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead);
      fireEvent.change(await screen.findByPlaceholderText('放回原因'), { target: { value: '不想跟了' } });
      await act(async () => {
        fireEvent.click(screen.getByText('放回公海'));
      });
      expect(posts(seen)).toHaveLength(0);
      expect(screen.getByText('保存跟进')).toBeTruthy();
    });
  });
});

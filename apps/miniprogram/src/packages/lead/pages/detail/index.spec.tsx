import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { API, type FollowUp, type LeadStatus } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../../../test/fake-api';
import { buildFollowUp, buildLeadDetail, buildTag, buildTimelineEntry, buildTokens, buildUser, signIn, tagRef } from '../../../../../test/factories';
import Taro, { resetTaro, routerState, type FakeRequestOption } from '../../../../../test/mocks/taro';
import { consumeLeadsChanged } from '../../../../services/lead-changes';
import type { LeadDetailView } from '../../../../services/lead.service';
import { formatDateTime } from '../../../../utils/format-time.util';
import LeadDetailPage from './index';
import { tap } from '../../../../../test/tap';

const ME = 'staff1';
/** Monday 30 Nov 2026, 23:23 local: late enough that "today" has no slot left. */
const NOW = new Date(2026, 10, 30, 23, 23);

interface LeadState {
  detail: LeadDetailView;
}
type Routes = (state: LeadState) => Record<string, (req: FakeRequestOption) => ReturnType<typeof reply>>;

/** Opens the lead's page over the fake API's `state`, with the given action routes. */
function openLead(detail: LeadDetailView, routes: Routes = () => ({})) {
  const state: LeadState = { detail };
  routerState.params = { id: detail.id };
  const seen = fakeApi({
    [`GET ${API.leadItem(detail.id)}`]: () => reply(200, state.detail),
    [`GET ${API.poolSettings}`]: () => reply(200, { protectionDays: 30, recycleDays: 7, recycleWarnDays: 2, claimDailyCap: 20, claimHoldCap: 200, reclaimBlockDays: 7 }),
    [`GET ${API.tags}`]: () => reply(200, { items: [buildTag('高意向', true), buildTag('老客户', true), buildTag('周末到店')] }),
    ...routes(state),
  });
  render(<LeadDetailPage />);
  return seen;
}

const writes = (seen: FakeRequestOption[]) => seen.filter((req) => req.method !== 'GET');
const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((el) => el.textContent);
const chip = (className: string, text: string): HTMLElement => {
  const found = Array.from(document.querySelectorAll<HTMLElement>(`.${className}`)).find((el) => el.textContent === text);
  if (!found) throw new Error(`no ${className} ${text}`);
  return found;
};
const sheet = () => within(screen.getByRole('dialog'));

beforeEach(() => {
  resetTaro();
  jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick'] });
  signIn(buildTokens({ user: buildUser({ id: ME }) }));
  consumeLeadsChanged();
});
afterEach(() => {
  jest.useRealTimers();
  process.env.TARO_ENV = 'h5';
});

describe('lead detail', () => {
  it('shows the lead, its clocks, follow-ups and the timeline newest first in plain Chinese', async () => {
    const protectedUntil = '2026-12-02T09:30:00.000Z';
    const recycleAt = '2026-12-05T09:30:00.000Z';
    openLead(
      buildLeadDetail({
        name: '钱七',
        status: 'qualified',
        protectedUntil,
        recycleAt,
        heat: { score: 82, level: 'hot', reason: '3 次查看 · 停留 4 分钟' },
        tags: [tagRef('高意向')],
        followUps: [buildFollowUp({ method: 'visit', note: '上门看了样品，下周报价', staffName: '李雷' })],
        timeline: [
          buildTimelineEntry({ kind: 'submission', at: '2026-11-02T09:30:00.000Z', summary: '客户留下了联系方式' }),
          buildTimelineEntry({ kind: 'visit', at: '2026-11-03T09:30:00.000Z', summary: 'dwell 3', shareCode: 'Code000001' }),
          buildTimelineEntry({ kind: 'visit', at: '2026-11-04T09:30:00.000Z', summary: 'form_open' }),
          buildTimelineEntry({ kind: 'collision', at: '2026-11-05T09:30:00.000Z', summary: '王五的分享 Code000001 触达了该客户，归属不变', channel: 'moments' }),
        ],
      }),
    );

    expect(await screen.findByText('钱七')).toBeTruthy();
    expect(screen.getByText(`保护期至 ${formatDateTime(protectedUntil)}`)).toBeTruthy();
    expect(screen.getByText(/^回收时间/).textContent).toContain(formatDateTime(recycleAt));
    expect(screen.getByText('上门看了样品，下周报价')).toBeTruthy();
    expect(screen.getByText('高意向 82')).toBeTruthy();
    expect(screen.getByText('3 次查看 · 停留 4 分钟')).toBeTruthy();
    expect(texts('.lead-tag')).toEqual(['高意向']);
    expect(texts('.timeline-item__summary')).toEqual(['王五的分享 触达了该客户，归属不变', '打开了留资表单', '在页面停留了 3 秒', '客户留下了联系方式']);
    const page = document.body.textContent ?? '';
    expect(page).not.toMatch(/form_open|dwell|Code000001/);
  });

  it('a failed load is an error with a retry, not an empty page', async () => {
    const lead = buildLeadDetail({ name: '钱七' });
    let fail = true;
    routerState.params = { id: lead.id };
    fakeApi({ [`GET ${API.leadItem(lead.id)}`]: () => (fail ? errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试') : reply(200, lead)) });
    render(<LeadDetailPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    fail = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('钱七')).toBeTruthy();
  });

  it('says so when the lead cannot be shown', async () => {
    routerState.params = { id: 'missing' };
    fakeApi({});
    render(<LeadDetailPage />);
    expect(await screen.findByText('客户不存在或无权查看')).toBeTruthy();
  });

  describe('contact', () => {
    it('calls with WeChat’s dialer and copies the phone and WeChat ID', async () => {
      process.env.TARO_ENV = 'weapp';
      openLead(buildLeadDetail({ ownerStaffId: ME, phone: '13912345678', phoneMasked: false, wechatId: 'qian_seven' }));
      await tap(await screen.findByText('拨打'));
      expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13912345678' });
      const copies = screen.getAllByText('复制');
      await tap(copies[0]);
      await tap(copies[1]);
      expect(Taro.setClipboardData.mock.calls.map((c) => (c[0] as { data: string }).data)).toEqual(['13912345678', 'qian_seven']);
    });

    it('offers no contact actions on a lead marked 不再联系', async () => {
      openLead(buildLeadDetail({ ownerStaffId: ME, phone: '13912345678', phoneMasked: false, wechatId: 'qian_seven', doNotContact: true }));
      expect(await screen.findByText(/已要求不再联系/)).toBeTruthy();
      expect(screen.queryByText('拨打')).toBeNull();
      expect(screen.queryByText('复制')).toBeNull();
      expect(screen.queryByText('写跟进')).toBeNull();
    });

    it('is only for the owner: others read', async () => {
      openLead(buildLeadDetail({ name: '钱七', ownerStaffId: 'staff9', ownerName: '韩梅梅' }));
      await screen.findByText('钱七');
      for (const action of ['拨打', '写跟进', '改状态', '更多']) expect(screen.queryByText(action)).toBeNull();
      expect(screen.getByText('该客户不属于你，只能查看')).toBeTruthy();
    });

    it('marks 不再联系 with a reason after asking', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, (state) => ({
        [`PATCH ${API.leadItem(lead.id)}`]: () => {
          state.detail = { ...state.detail, doNotContact: true };
          return reply(200, state.detail);
        },
      }));
      await tap(await screen.findByText('更多'));
      await tap(sheet().getByText('标记为不再联系'));
      fireEvent.change(screen.getByPlaceholderText('如：客户电话中要求不再联系'), { target: { value: '客户要求' } });
      await tap(screen.getAllByText('标记为不再联系').find((el) => el.tagName === 'BUTTON')!);
      expect(writes(seen)).toHaveLength(0);
      await tap(within(screen.getByRole('alertdialog')).getByText('确定'));
      expect(writes(seen)[0]).toMatchObject({ method: 'PATCH', data: { doNotContact: true, reason: '客户要求' } });
      expect(await screen.findByText(/已要求不再联系/)).toBeTruthy();
    });
  });

  describe('写跟进', () => {
    it('opens from the button; an empty note is refused by the schema and nothing is sent', async () => {
      const seen = openLead(buildLeadDetail({ ownerStaffId: ME }));
      expect(screen.queryByPlaceholderText('跟进内容')).toBeNull();
      await tap(await screen.findByText('写跟进'));
      await tap(sheet().getByText('保存跟进'));
      expect(await screen.findByText('请填写跟进记录')).toBeTruthy();
      expect(writes(seen)).toHaveLength(0);
    });

    it('offers only future times late at night, and posts the picked one', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadFollowUps(lead.id)}`]: (req) => {
          const body = req.data as Pick<FollowUp, 'method' | 'note'> & { nextAt?: string };
          const followUp = buildFollowUp({ leadId: lead.id, method: body.method, note: body.note, nextAt: body.nextAt ?? null });
          state.detail = { ...state.detail, followUps: [followUp, ...state.detail.followUps], nextFollowUpAt: followUp.nextAt };
          return reply(201, followUp);
        },
      }));
      await tap(await screen.findByText('写跟进'));
      expect(texts('.next-follow-up__preset')).toEqual(['明天 10:00', '3 天后 10:00', '下周一 10:00']);
      fireEvent.click(chip('follow-up-method', '微信'));
      fireEvent.change(screen.getByPlaceholderText('跟进内容'), { target: { value: '  加了微信，发了报价单  ' } });
      fireEvent.click(chip('next-follow-up__preset', '明天 10:00'));
      expect(screen.getByText('将在 明天 10:00 提醒你跟进')).toBeTruthy();
      await tap(screen.getByText('保存跟进'));

      const tomorrow10 = new Date(2026, 11, 1, 10, 0).toISOString();
      expect(writes(seen)[0]).toMatchObject({ url: `/api/leads/${lead.id}/follow-ups`, data: { method: 'wechat', note: '加了微信，发了报价单', nextAt: tomorrow10 } });
      expect(await screen.findByText('加了微信，发了报价单')).toBeTruthy();
      expect(screen.getByText(`下次跟进 ${formatDateTime(tomorrow10)}`)).toBeTruthy();
      expect(screen.queryByRole('dialog')).toBeNull(); // the sheet closed
      expect(consumeLeadsChanged()).toBe(true);
    });

    it('takes a custom date and time from the picker, bounded to the coming year, and refuses a moment in the past', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, () => ({ [`POST ${API.leadFollowUps(lead.id)}`]: (req) => reply(201, buildFollowUp({ note: 'x', nextAt: (req.data as { nextAt: string }).nextAt })) }));
      await tap(await screen.findByText('写跟进'));
      fireEvent.change(screen.getByPlaceholderText('跟进内容'), { target: { value: '约了下周' } });

      await tap(screen.getByText('选择时间'));
      const picker = document.querySelector<HTMLElement>('.nut-datepicker')!;
      expect(new Date(picker.dataset.start!)).toEqual(new Date(2026, 10, 30, 23, 25));
      expect(new Date(picker.dataset.end!).getFullYear()).toBe(2027);
      fireEvent.change(screen.getByLabelText('date-time-picker'), { target: { value: '2026-11-30 09:00' } });
      await tap(within(picker).getByText('确定'));
      await tap(screen.getByText('保存跟进'));
      expect(await screen.findByText('下次跟进时间不能早于现在')).toBeTruthy();
      expect(writes(seen)).toHaveLength(0);

      await tap(screen.getByText(/^11-30|^今天/));
      fireEvent.change(screen.getByLabelText('date-time-picker'), { target: { value: '2026-12-03 15:30' } });
      await tap(within(document.querySelector<HTMLElement>('.nut-datepicker')!).getByText('确定'));
      expect(screen.getByText('12-03 周四 15:30')).toBeTruthy();
      await tap(screen.getByText('保存跟进'));
      expect(writes(seen)[0].data).toEqual({ method: 'phone', note: '约了下周', nextAt: new Date(2026, 11, 3, 15, 30).toISOString() });
    });

    it('sends no next time when none is picked', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME });
      const seen = openLead(lead, () => ({ [`POST ${API.leadFollowUps(lead.id)}`]: () => reply(201, buildFollowUp({ leadId: lead.id, note: '打了电话' })) }));
      await tap(await screen.findByText('写跟进'));
      fireEvent.change(screen.getByPlaceholderText('跟进内容'), { target: { value: '打了电话' } });
      await tap(screen.getByText('保存跟进'));
      expect(writes(seen)[0].data).toEqual({ method: 'phone', note: '打了电话' });
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
      await tap(await screen.findByText('改状态'));
      expect(texts('.status-option')).toEqual(offered);
    });

    it('offers nothing once converted', async () => {
      openLead(buildLeadDetail({ ownerStaffId: ME, status: 'converted', memberId: 'member1' }));
      await tap(await screen.findByText('改状态'));
      expect(screen.getByText('已成交，状态不可再更改')).toBeTruthy();
      expect(screen.getByText('已转为会员')).toBeTruthy();
    });

    it('asks for a choice, then posts the chosen status and shows it', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, status: 'new' });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadStatus(lead.id)}`]: (req) => {
          state.detail = { ...state.detail, status: (req.data as { status: LeadStatus }).status };
          const { timeline: _t, followUps: _f, memberId: _m, ...item } = state.detail;
          return reply(200, item);
        },
      }));
      await tap(await screen.findByText('改状态'));
      await tap(screen.getByText('更新状态'));
      expect(screen.getByText('请选择新的状态')).toBeTruthy();
      fireEvent.click(chip('status-option', '有意向'));
      fireEvent.change(screen.getByPlaceholderText('原因（选填）'), { target: { value: '想要报价' } });
      await tap(screen.getByText('更新状态'));
      expect(writes(seen)[0]).toMatchObject({ url: `/api/leads/${lead.id}/status`, data: { status: 'qualified', reason: '想要报价' } });
      await waitFor(() => expect(document.querySelector('.lead-detail__head .tag')?.textContent).toBe('有意向'));
      expect(consumeLeadsChanged()).toBe(true);
    });

    it('asks before 成交', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, status: 'qualified' });
      const seen = openLead(lead);
      await tap(await screen.findByText('改状态'));
      fireEvent.click(chip('status-option', '已成交'));
      await tap(screen.getByText('更新状态'));
      expect(screen.getByText('确认成交')).toBeTruthy();
      await tap(within(screen.getByRole('alertdialog')).getByText('取消'));
      expect(writes(seen)).toHaveLength(0);
    });

    it("shows the server's message when the move is refused", async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, status: 'new' });
      openLead(lead, () => ({ [`POST ${API.leadStatus(lead.id)}`]: () => errorReply(409, 'STATUS_TRANSITION_INVALID', '该客户状态已变化，请刷新后重试') }));
      await tap(await screen.findByText('改状态'));
      fireEvent.click(chip('status-option', '已联系'));
      await tap(screen.getByText('更新状态'));
      expect(screen.getAllByText('该客户状态已变化，请刷新后重试').length).toBeGreaterThan(0);
      expect(document.querySelector('.lead-detail__head .tag')?.textContent).toBe('新线索');
    });
  });

  it('tags: picks HQ’s and adds a free one, saved as the whole list', async () => {
    const lead = buildLeadDetail({ ownerStaffId: ME, tags: [] });
    const seen = openLead(lead, (state) => ({
      [`PUT ${API.leadTags(lead.id)}`]: (req) => {
        const tags = (req.data as { tags: string[] }).tags.map(tagRef);
        state.detail = { ...state.detail, tags };
        return reply(200, { tags });
      },
    }));
    await tap(await screen.findByText('+ 添加标签'));
    await waitFor(() => expect(texts('.tag-option')).toEqual(['高意向·总部', '老客户·总部', '周末到店']));
    fireEvent.click(chip('tag-option', '高意向·总部'));
    fireEvent.change(screen.getByPlaceholderText('新标签（最多 12 字）'), { target: { value: '要发票' } });
    fireEvent.click(screen.getByText('添加'));
    await tap(screen.getByText('保存标签'));
    expect(writes(seen)[0]).toMatchObject({ method: 'PUT', data: { tags: ['高意向', '要发票'] } });
    await waitFor(() => expect(texts('.lead-tag')).toEqual(['高意向', '要发票']));
  });

  describe('放回公海', () => {
    it('needs a reason, asks to confirm (saying when it can be claimed back), then releases the lead', async () => {
      const lead = buildLeadDetail({ ownerStaffId: ME, ownerName: '李雷' });
      const seen = openLead(lead, (state) => ({
        [`POST ${API.leadRelease(lead.id)}`]: () => {
          state.detail = { ...state.detail, pool: 'public', ownerStaffId: null, ownerName: null, protectedUntil: null, recycleAt: null };
          return reply(200, { ok: true });
        },
      }));
      await tap(await screen.findByText('更多'));
      await tap(sheet().getByText('放回公海'));
      await tap(screen.getAllByText('放回公海').find((el) => el.tagName === 'BUTTON')!);
      expect(await screen.findByText('请填写原因')).toBeTruthy();
      fireEvent.change(screen.getByPlaceholderText('放回原因'), { target: { value: '客户已有合作方' } });
      await tap(screen.getAllByText('放回公海').find((el) => el.tagName === 'BUTTON')!);
      expect(screen.getByRole('alertdialog').textContent).toContain('7 天内你不能再领回');
      await tap(within(screen.getByRole('alertdialog')).getByText('确定'));
      expect(writes(seen)[0]).toMatchObject({ url: `/api/leads/${lead.id}/release`, data: { reason: '客户已有合作方' } });
      expect(await screen.findByText('归属：公海')).toBeTruthy();
      expect(screen.queryByText('写跟进')).toBeNull();
      expect(consumeLeadsChanged()).toBe(true);
    });
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type RadarItem } from '@fenji/shared';
import { errorReply, fakeApi, queryOf, reply } from '../../../test/fake-api';
import { buildRadarItem, buildRadarVisitor, signIn } from '../../../test/factories';
import { FakeWebSocket } from '../../../test/fake-socket';
import Taro, { pageHooks, resetTaro, type FakeRequestOption } from '../../../test/mocks/taro';
import RadarPage from './index';
import { tap } from '../../../test/tap';


/** The radar API over a list the test can add to, answering `?after=` like the API (newer ids only). */
function serveRadar(initial: RadarItem[]) {
  const state = { items: [...initial] };
  const seen = fakeApi({
    [`GET ${API.radar}`]: (req: FakeRequestOption) => {
      const { after } = queryOf(req);
      const newest = [...state.items].sort((a, b) => (a.id < b.id ? 1 : -1));
      return reply(200, { items: after ? newest.filter((i) => i.id > after) : newest, nextCursor: null });
    },
    [`GET ${API.radarVisitors}`]: () =>
      reply(200, {
        items: [
          buildRadarVisitor({ label: '访客 9C1D', heat: 88, heatReason: '5 次查看 · 停留 6 分钟 · 转发 2 次，带来 3 人' }),
          buildRadarVisitor({ leadId: 'lead7', leadName: '王芳', heat: 41, heatReason: '2 次查看' }),
        ],
        nextCursor: null,
      }),
    [`GET ${API.mySubscriptions}`]: () => reply(200, { templates: [{ topic: 'new_lead', templateId: 'tmplNewLead', remaining: 0 }] }),
    [`POST ${API.mySubscriptions}`]: () => reply(200, { templates: [{ topic: 'new_lead', templateId: 'tmplNewLead', remaining: 1 }] }),
  });
  return { state, seen };
}

const whats = () => Array.from(document.querySelectorAll('.radar-item__what')).map((el) => el.textContent);

beforeEach(() => {
  resetTaro();
  FakeWebSocket.install();
  signIn();
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('客户雷达', () => {
  it('shows who did what in words: visit number, dwell and read depth, re-shares with the visitors they brought, leads', async () => {
    serveRadar([
      buildRadarItem({ type: 'view', visitNumber: 3, visitor: { id: 'v1', label: '访客 3F2A' }, heat: 72, heatReason: '3 次查看 · 停留 4 分钟' }),
      buildRadarItem({ type: 'dwell', dwellSeconds: 150, readPercent: 80 }),
      buildRadarItem({ type: 'reshare', reshareVisitors: 2, channel: 'wechat_friend' }),
      buildRadarItem({ type: 'lead', leadId: 'lead9', leadName: '钱先生', visitor: { id: 'v9', label: '钱先生' } }),
    ]);
    render(<RadarPage />);

    await waitFor(() => expect(whats()).toHaveLength(4));
    expect(whats()).toEqual([
      '留资在《春季新品介绍》留下了联系方式',
      '转发把《春季新品介绍》转发给了朋友，已带来 2 位新访客',
      '停留在《春季新品介绍》停留了 2 分 30 秒，读到 80%',
      '查看第 3 次查看了《春季新品介绍》',
    ]);
    expect(screen.getByText('高意向 72')).toBeTruthy();
    expect(screen.getByText('来自微信好友')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Code000001|form_open|visitor\d/);

    fireEvent.click(screen.getByText('钱先生'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/lead/pages/detail/index?id=lead9' });
  });

  it('a new item arrives live over the socket while the page is shown', async () => {
    serveRadar([buildRadarItem({ visitor: { id: 'v1', label: '访客 0001' } })]);
    render(<RadarPage />);
    await screen.findByText('访客 0001');
    const ws = FakeWebSocket.latest();
    await act(async () => ws.open());
    expect(screen.getByText('实时更新中')).toBeTruthy();

    await act(async () => ws.send({ type: 'radar', item: buildRadarItem({ type: 'form_open', visitor: { id: 'v2', label: '访客 7B3C' } }) }));
    expect(screen.getByText('访客 7B3C')).toBeTruthy();
    expect(whats()[0]).toBe('打开表单在《春季新品介绍》打开了留资表单');
  });

  it('after a gap, catches up with ?after=<newest id> and merges what was missed', async () => {
    const first = buildRadarItem({ visitor: { id: 'v1', label: '访客 0001' } });
    const api = serveRadar([first]);
    render(<RadarPage />);
    await screen.findByText('访客 0001');
    await act(async () => FakeWebSocket.latest().open());

    api.state.items.push(buildRadarItem({ visitor: { id: 'v5', label: '访客 MISS' } }));
    await act(async () => FakeWebSocket.latest().drop());
    expect(screen.getByText('连接中断，正在重连…')).toBeTruthy();
    await act(async () => pageHooks.didHide?.());
    await act(async () => pageHooks.didShow?.()); // shown again: reconnects at once
    await act(async () => FakeWebSocket.latest().open());

    expect(await screen.findByText('访客 MISS')).toBeTruthy();
    const catchUp = api.seen.filter((r) => r.url.startsWith(API.radar) && queryOf(r).after);
    expect(queryOf(catchUp[0])).toEqual({ after: first.id, limit: '100' });
    expect(screen.getAllByText('访客 0001')).toHaveLength(1);
  });

  it('a failed load is an error with a retry, not "no visitors"', async () => {
    fakeApi({ [`GET ${API.radar}`]: () => errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试') });
    render(<RadarPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('还没有访客动态')).toBeNull();
  });

  it('访客热度 lists visitors hottest first with the reason in words', async () => {
    const api = serveRadar([]);
    render(<RadarPage />);
    await screen.findByText('还没有访客动态');
    await act(async () => fireEvent.click(screen.getByText('访客热度')));
    expect(await screen.findByText('访客 9C1D')).toBeTruthy();
    expect(screen.getByText('5 次查看 · 停留 6 分钟 · 转发 2 次，带来 3 人')).toBeTruthy();
    expect(screen.getByText('高意向 88')).toBeTruthy();
    expect(queryOf(api.seen.find((r) => r.url.startsWith(API.radarVisitors))!)).toMatchObject({ sort: 'heat' });
  });

  it('in WeChat, a tap asks for subscribe messages and tells the API which were accepted', async () => {
    process.env.TARO_ENV = 'weapp';
    const api = serveRadar([]);
    Taro.requestSubscribeMessage.mockResolvedValueOnce({ tmplNewLead: 'accept', errMsg: 'requestSubscribeMessage:ok' });
    render(<RadarPage />);
    const button = await screen.findByText('开启微信提醒', undefined, { timeout: 3000 });
    await act(async () => fireEvent.click(button));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmplNewLead'] }));
    const report = api.seen.find((r) => r.method === 'POST' && r.url.endsWith(API.mySubscriptions));
    expect(report?.data).toEqual({ accepted: ['tmplNewLead'] });
    expect(await screen.findByText('提醒剩余 1 次 · 加次数')).toBeTruthy();
  });

  it('in WeChat, a declined request reports nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    const api = serveRadar([]);
    Taro.requestSubscribeMessage.mockResolvedValueOnce({ tmplNewLead: 'reject', errMsg: 'requestSubscribeMessage:ok' });
    render(<RadarPage />);
    await waitFor(() => expect(api.seen.some((r) => r.url.endsWith(API.mySubscriptions))).toBe(true));
    await tap(await screen.findByText('开启微信提醒', undefined, { timeout: 3000 }));
    expect(api.seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('the browser build offers no subscribe messages', async () => {
    const api = serveRadar([]);
    render(<RadarPage />);
    await screen.findByText('还没有访客动态');
    expect(screen.queryByText('开启微信提醒')).toBeNull();
    expect(api.seen.some((r) => r.url.endsWith(API.mySubscriptions))).toBe(false);
  });
});

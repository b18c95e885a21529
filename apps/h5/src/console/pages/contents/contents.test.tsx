// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentAdmin, ContentAdminListItem } from '@fenji/shared';
import { apiError, mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { button, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (overrides: Partial<ContentAdminListItem> = {}): ContentAdminListItem => ({
  id: 'c1',
  kind: 'product',
  title: '春季新品净水器',
  summary: '五级过滤',
  coverUrl: null,
  status: 'published',
  categoryId: 'k1',
  categoryName: '净水',
  publishedAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
  stats: { shares: 120, views: 3400, uniqueVisitors: 2000, leads: 86, conversionRate: 0.043 },
  ...overrides,
});

const stored = (overrides: Partial<ContentAdmin> = {}): ContentAdmin => ({
  id: 'c9',
  kind: 'event',
  title: '周末免费水质检测',
  summary: '',
  body: '本周六开放预约。',
  coverUrl: null,
  published: true,
  publishedAt: '2026-11-03T00:00:00Z',
  createdAt: '2026-11-03T00:00:00Z',
  updatedAt: '2026-11-03T00:00:00Z',
  ...overrides,
});

function mockContents(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...lookupRoutes(),
    'GET /api/contents/admin': () => ({ body: { items: [item(), item({ id: 'c2', title: '换季净水指南', kind: 'article', status: 'offline', categoryName: null, stats: { shares: 0, views: 0, uniqueVisitors: 0, leads: 0, conversionRate: null } })], nextCursor: null } }),
    'GET /api/content-categories': () => ({ body: { items: [{ id: 'k1', name: '净水', contentCount: 1 }] } }),
    'POST /api/contents/preview': () => ({ body: { html: '<!doctype html><h1>预览</h1>' } }),
    ...extra,
  });
}

describe('内容', () => {
  it('lists every status with its numbers, in words', async () => {
    const api = mockContents();
    renderConsole('/contents?status=published&q=净水');
    expect(await screen.findByText('春季新品净水器')).toBeTruthy();
    expect(Object.fromEntries(api.of('GET', '/api/contents/admin')[0]!.query)).toMatchObject({ status: 'published', q: '净水', limit: '20' });
    const row = screen.getByText('春季新品净水器').closest('tr')!;
    expect(row.textContent).toContain('已发布');
    expect(row.textContent).toContain('3,400');
    expect(row.textContent).toContain('4.30%');
    expect(screen.getByText('换季净水指南').closest('tr')!.textContent).toContain('已下架');
  });

  it('下架 asks first, then sets the status', async () => {
    const api = mockContents({ 'POST /api/contents/c1/status': () => ({ body: stored({ id: 'c1', title: '春季新品净水器' }) }) });
    renderConsole('/contents');
    await screen.findByText('春季新品净水器');
    fireEvent.click(button('下架', screen.getByText('春季新品净水器').closest('tr')!));
    expect(await screen.findByText('下架《春季新品净水器》？')).toBeTruthy();
    expect(api.of('POST', '/api/contents/c1/status')).toHaveLength(0);
    fireEvent.click(button('下架', document.querySelector('.ant-popconfirm')!));
    await waitFor(() => expect(api.of('POST', '/api/contents/c1/status')[0]?.body).toEqual({ status: 'offline' }));
  });

  it('shows the error when the list cannot load (never "no content")', async () => {
    mockContents({ 'GET /api/contents/admin': () => apiError(404, 'NOT_FOUND', '接口不存在') });
    renderConsole('/contents');
    expect(await screen.findByText('接口不存在')).toBeTruthy();
    expect(screen.queryByText(/还没有内容/)).toBeNull();
  });
});

describe('内容编辑器', () => {
  it('creates a content from blocks: the draft carries blocks, the derived body, the button and fields', async () => {
    const api = mockContents({ 'POST /api/contents': (req) => ({ status: 201, body: stored({ ...(req.body as object), id: 'c9' }) }) });
    const view = renderConsole('/contents/new');
    const form = await screen.findByRole('form', { name: '新建内容' });
    fireEvent.click(within(form).getByLabelText('活动'));
    fireEvent.change(within(form).getByLabelText('标题'), { target: { value: '周末免费水质检测' } });
    fireEvent.change(within(form).getByLabelText('文字内容'), { target: { value: '本周六开放预约。\n名额有限。' } });
    fireEvent.click(within(form).getByLabelText('立即发布'));
    fireEvent.click(button('保存', form));
    expect(await screen.findByText('已保存：周末免费水质检测')).toBeTruthy();
    expect(api.of('POST', '/api/contents')[0]!.body).toEqual({
      kind: 'event',
      title: '周末免费水质检测',
      coverUrl: null,
      categoryId: null,
      blocks: [{ type: 'text', text: '本周六开放预约。\n名额有限。' }],
      body: '本周六开放预约。\n名额有限。',
      ctaText: '免费咨询',
      formFields: ['message'],
      published: true,
    });
    await waitFor(() => expect(view.url()).toBe('/contents/c9/edit'));
  });

  it('checks the draft with the shared schema, nested blocks included, and sends nothing', async () => {
    const api = mockContents();
    renderConsole('/contents/new');
    const form = await screen.findByRole('form', { name: '新建内容' });
    fireEvent.change(within(form).getByLabelText('按钮文字'), { target: { value: '好' } });
    fireEvent.click(button('保存', form));
    expect(await within(form).findByText('请输入标题')).toBeTruthy();
    expect(within(form).getByText('请输入文字')).toBeTruthy();
    expect(within(form).getByText('按钮文字至少 2 个字')).toBeTruthy();
    expect(api.of('POST', '/api/contents')).toHaveLength(0);
  });

  it('previews the real landing render of the draft in a sandboxed 390 px frame', async () => {
    const api = mockContents();
    renderConsole('/contents/new');
    const form = await screen.findByRole('form', { name: '新建内容' });
    fireEvent.change(within(form).getByLabelText('标题'), { target: { value: '周末讲座' } });
    fireEvent.change(within(form).getByLabelText('文字内容'), { target: { value: '地点：二楼' } });
    const frame = (await screen.findByTitle('手机预览')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>预览</h1>');
    expect(api.of('POST', '/api/contents/preview').at(-1)!.body).toMatchObject({ title: '周末讲座', blocks: [{ type: 'text', text: '地点：二楼' }] });
  });

  it('loads a stored content without blocks as one text block', async () => {
    mockContents({ 'GET /api/contents/c9': () => ({ body: stored() }) });
    renderConsole('/contents/c9/edit');
    const form = await screen.findByRole('form', { name: '编辑内容' });
    await waitFor(() => expect((within(form).getByLabelText('标题') as HTMLInputElement).value).toBe('周末免费水质检测'));
    expect((within(form).getByLabelText('文字内容') as HTMLTextAreaElement).value).toBe('本周六开放预约。');
  });

  it('previews a stored content as soon as it opens, before any edit', async () => {
    const api = mockContents({ 'GET /api/contents/c9': () => ({ body: stored() }) });
    renderConsole('/contents/c9/edit');
    const frame = (await screen.findByTitle('手机预览', {}, { timeout: 3000 })) as HTMLIFrameElement;
    expect(frame.getAttribute('srcdoc')).toContain('<h1>预览</h1>');
    expect(api.of('POST', '/api/contents/preview').at(-1)!.body).toMatchObject({ title: '周末免费水质检测' });
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Content } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { renderWithApi } from '../../testing/render-with-api';
import { ContentPage } from './content-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function buildContent(overrides: Partial<Content> = {}): Content {
  return {
    id: 'c1',
    kind: 'article',
    title: '换季净水指南',
    summary: '',
    body: '第一段',
    coverUrl: null,
    published: false,
    publishedAt: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

describe('内容', () => {
  it('lists drafts too, and creates a published content', async () => {
    const api = mockApi({
      'GET /api/contents': () => ({ body: [buildContent()] }),
      'POST /api/contents': (req) => ({
        status: 201,
        body: buildContent({ ...(req.body as Partial<Content>), id: 'c2', published: true, publishedAt: '2026-11-02T00:00:00Z' }),
      }),
    });
    renderWithApi(<ContentPage />);
    expect(await screen.findByText('换季净水指南')).toBeTruthy();
    expect(api.of('GET', '/api/contents')[0]!.query.get('all')).toBe('1');
    expect(screen.getByText('草稿')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '新建内容' }));
    fireEvent.change(screen.getByLabelText('类型'), { target: { value: 'event' } });
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '周末免费水质检测' } });
    fireEvent.change(screen.getByLabelText('摘要'), { target: { value: '门店师傅上门检测' } });
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '本周六、周日开放预约。\n名额有限。' } });
    fireEvent.change(screen.getByLabelText('封面图片链接'), { target: { value: 'https://cdn.example.com/test.jpg' } });
    fireEvent.click(screen.getByLabelText('立即发布'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('已保存：周末免费水质检测')).toBeTruthy();
    expect(api.of('POST', '/api/contents')[0]!.body).toEqual({
      kind: 'event',
      title: '周末免费水质检测',
      summary: '门店师傅上门检测',
      body: '本周六、周日开放预约。\n名额有限。',
      coverUrl: 'https://cdn.example.com/test.jpg',
      published: true,
    });
    expect(screen.getByText('已发布')).toBeTruthy();
  });

  it('checks the form with the shared schema before sending', async () => {
    const api = mockApi({ 'GET /api/contents': () => ({ body: [] }) });
    renderWithApi(<ContentPage />);
    fireEvent.click(await screen.findByRole('button', { name: '新建内容' }));
    fireEvent.change(screen.getByLabelText('封面图片链接'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入标题')).toBeTruthy();
    expect(screen.getByText('链接必须以 http(s):// 或 / 开头')).toBeTruthy();
    expect(api.of('POST', '/api/contents')).toHaveLength(0);
  });

  it('publishes and unpublishes with PATCH', async () => {
    const api = mockApi({
      'GET /api/contents': () => ({ body: [buildContent()] }),
      'PATCH /api/contents/c1': (req) => ({ body: buildContent(req.body as Partial<Content>) }),
    });
    renderWithApi(<ContentPage />);
    fireEvent.click(await screen.findByRole('button', { name: '发布' }));
    expect(await screen.findByRole('button', { name: '下架' })).toBeTruthy();
    expect(api.of('PATCH', '/api/contents/c1')[0]!.body).toEqual({ published: true });
  });

  it('edits a content', async () => {
    const api = mockApi({
      'GET /api/contents': () => ({ body: [buildContent()] }),
      'PATCH /api/contents/c1': (req) => ({ body: buildContent(req.body as Partial<Content>) }),
    });
    renderWithApi(<ContentPage />);
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('换季净水指南');
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '换季净水指南（更新）' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.of('PATCH', '/api/contents/c1')).toHaveLength(1));
    expect(api.of('PATCH', '/api/contents/c1')[0]!.body).toMatchObject({ title: '换季净水指南（更新）', coverUrl: null });
    expect(await screen.findByText('已保存：换季净水指南（更新）')).toBeTruthy();
  });
});

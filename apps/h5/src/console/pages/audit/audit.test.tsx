// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('审计日志', () => {
  it('sends the URL filters and shows each entry in words', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/audit-logs': () => ({
        body: {
          items: [
            { id: 'a1', at: '2026-11-21T01:00:00Z', actor: { id: 'u1', name: '总部小周', role: 'hq_admin' }, action: 'lead.reveal', targetType: 'lead', targetId: 'l1', targetLabel: '钱先生', reason: '客户来电', summary: '查看了完整手机号', count: null, ip: '10.0.0.1' },
            { id: 'a2', at: '2026-11-21T02:00:00Z', actor: null, action: 'future.thing', targetType: null, targetId: null, targetLabel: null, reason: null, summary: '系统任务', count: 3, ip: null },
          ],
          nextCursor: null,
        },
      }),
    });
    renderConsole('/audit?action=lead.reveal&q=钱&from=2026-11-01&to=2026-11-30');
    expect(await screen.findByText('查看了完整手机号')).toBeTruthy();
    const query = api.of('GET', '/api/audit-logs')[0]!.query;
    expect(Object.fromEntries(query)).toMatchObject({ action: 'lead.reveal', q: '钱', limit: '50' });
    expect(query.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    const first = screen.getByText('查看了完整手机号').closest('tr')!.textContent;
    expect(first).toContain('查看完整手机号');
    expect(first).toContain('线索 钱先生');
    expect(first).toContain('客户来电');
    expect(first).not.toContain('lead.reveal');
    expect(screen.getByText('系统任务').closest('tr')!.textContent).toContain('其他操作');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollisionView } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { button, dialog, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const collision: CollisionView = {
  id: 'k1',
  at: '2026-11-21T01:00:00Z',
  leadId: 'l1',
  leadName: '钱先生',
  ownerStaffId: 's1',
  ownerName: '王小明',
  staffId: 's2',
  staffName: '李娜',
  shareCode: 'Abc12345',
  contentTitle: '净水器',
  channel: 'moments',
  state: 'open',
};

describe('撞单', () => {
  it('lists collisions in words (no share codes) and resolves one with a reason', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/collisions': () => ({ body: { items: [collision], nextCursor: null } }),
      'POST /api/collisions/k1/resolve': () => ({ body: { ...collision, state: 'reassigned' } }),
    });
    renderConsole('/collisions?state=open');
    expect(await screen.findByText('钱先生')).toBeTruthy();
    expect(api.of('GET', '/api/collisions')[0]!.query.get('state')).toBe('open');
    const row = screen.getByText('钱先生').closest('tr')!;
    expect(row.textContent).toContain('《净水器》 · 朋友圈');
    expect(row.textContent).toContain('待处理');
    expect(document.body.textContent).not.toContain('Abc12345');
    fireEvent.click(button('处理', row));
    const dlg = await waitFor(() => dialog('处理撞单：钱先生'));
    fireEvent.click(within(dlg).getByLabelText('改派'));
    fireEvent.change(within(dlg).getByLabelText('原因'), { target: { value: '客户更认可李娜' } });
    fireEvent.click(button('确认处理', dlg));
    expect(await screen.findByText('已将 钱先生 改派给 李娜')).toBeTruthy();
    expect(api.of('POST', '/api/collisions/k1/resolve')[0]!.body).toEqual({ action: 'reassign', toStaffId: 's2', reason: '客户更认可李娜' });
  });
});

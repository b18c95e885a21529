import { describe, expect, it } from 'vitest';
import { renderVCard } from './vcard';
import { buildSharer } from './testing/landing-page.factory';

describe('renderVCard', () => {
  it('is a vCard 3.0 with what the card shows, in CRLF lines', () => {
    const card = renderVCard(buildSharer(), { name: '清泉净水' });
    expect(card.split('\r\n')).toEqual(['BEGIN:VCARD', 'VERSION:3.0', 'N:;王小明;;;', 'FN:王小明', 'ORG:清泉净水;浦东店', 'TITLE:净水顾问', 'TEL;TYPE=CELL:13800138000', 'NOTE:微信号：wang_xm88', 'END:VCARD', '']);
  });

  it('leaves out what the staff member chose not to show, and escapes text values', () => {
    const card = renderVCard(buildSharer({ name: '王,小;明\\', phone: null, wechatId: null, branchName: null, title: '顾问\n主管' }), { name: '清泉' });
    expect(card).not.toContain('TEL');
    expect(card).not.toContain('NOTE');
    expect(card).toContain('FN:王\\,小\\;明\\\\\r\n');
    expect(card).toContain('TITLE:顾问\\n主管\r\n');
    expect(card).toContain('ORG:清泉\r\n');
  });

  it('folds lines over 75 octets without splitting a character', () => {
    const card = renderVCard(buildSharer({ title: '高级净水顾问'.repeat(10) }), { name: '清泉' });
    const lines = card.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    expect(card.replace(/\r\n /g, '')).toContain(`TITLE:${'高级净水顾问'.repeat(10)}`);
  });
});

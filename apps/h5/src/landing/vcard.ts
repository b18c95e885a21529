import type { BrandSettings, PublicCard } from '@fenji/shared';

/** vCard 3.0 text values: backslash, comma, semicolon and line breaks escaped (RFC 2426 §4). */
export function escapeVCardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (bytes + size > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * The sharer's card as a vCard, for 存到通讯录 on the card page (`GET /s/:code/contact.vcf`, served as
 * `text/vcard; charset=utf-8`, `Content-Disposition: inline`). Only what the card shows customers: the phone and WeChat ID only when chosen.
 */
export function renderVCard(card: PublicCard, brand: Pick<BrandSettings, 'name'>): string {
  const phone = card.phone?.replace(/[^\d+]/g, '') ?? '';
  const org = [brand.name, card.branchName ?? ''].filter(Boolean).map(escapeVCardText).join(';');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:;${escapeVCardText(card.name)};;;`,
    `FN:${escapeVCardText(card.name)}`,
    org ? `ORG:${org}` : '',
    card.title ? `TITLE:${escapeVCardText(card.title)}` : '',
    phone ? `TEL;TYPE=CELL:${phone}` : '',
    card.wechatId ? `NOTE:${escapeVCardText(`微信号：${card.wechatId}`)}` : '',
    'END:VCARD',
  ].filter(Boolean);
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

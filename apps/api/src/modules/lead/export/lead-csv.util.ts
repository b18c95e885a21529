import { LABELS, LEAD_EXPORT_COLUMNS, LEAD_QUERY_LABELS, type LeadPageItem } from '@fenji/shared';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** `2026-11-30 12:47` in China time (what a person in the company reads), or empty. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * One CSV cell: a value that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is
 * neutralised with a leading apostrophe (OWASP's advice), then quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

export function csvHeader(): string {
  return LEAD_EXPORT_COLUMNS.map(([, label]) => csvCell(label)).join(',') + '\r\n';
}

/** A lead as the list shows it to the caller (phones masked the same way), as one CSV line in words. */
export function csvRow(lead: LeadPageItem): string {
  const cells: Record<(typeof LEAD_EXPORT_COLUMNS)[number][0], string | number> = {
    name: lead.name,
    phone: lead.phone,
    status: LABELS.leadStatus[lead.status],
    pool: LABELS.pool[lead.pool],
    ownerName: lead.ownerName ?? '',
    branchName: lead.branchName ?? '',
    source: lead.source?.contentTitle ?? '',
    channel: lead.source ? LABELS.channel[lead.source.channel] : '',
    heat: lead.heat ? `${LEAD_QUERY_LABELS.heat[lead.heat.level]} ${lead.heat.score}` : '',
    tags: (lead.tags ?? []).map((t) => t.name).join('、'),
    touchCount: lead.touchCount,
    createdAt: chinaTime(lead.createdAt),
    lastTouchAt: chinaTime(lead.lastTouchAt),
    lastFollowUpAt: chinaTime(lead.lastFollowUpAt),
    doNotContact: lead.doNotContact ? '是' : '否',
  };
  return LEAD_EXPORT_COLUMNS.map(([key]) => csvCell(cells[key])).join(',') + '\r\n';
}

import type { DataSource } from 'typeorm';
import { searchGramsOf } from './lead-search.util';

/**
 * What must hold for every lead whatever happened to the process writing it (a crash, a lost connection, a
 * SIGKILL): each operation that writes these rows is one unit of work, so a check failing here means a unit of
 * work was split somewhere. Run by `npm run check:data` (against DATABASE_URL) and after every API test.
 */
export interface IntegrityCheck {
  name: string;
  failures: number;
  /** Up to EXAMPLES offending rows, as readable one-liners. */
  examples: string[];
}

export interface IntegrityReport {
  ok: boolean;
  leads: number;
  checks: IntegrityCheck[];
}

const EXAMPLES = 10;
const GRAM_BATCH = 1000;

type Row = Record<string, unknown>;
const same = (a: string, b: string) => `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`;

/** The SQL checks: each query selects the offending rows, its first column identifies one. */
function sqlChecks(mysql: boolean): Array<{ name: string; sql: string }> {
  const auditAction = mysql ? "CONCAT('lead.', c.rule)" : "'lead.' || c.rule";
  return [
    { name: 'every lead has at least one touch', sql: 'SELECT l.id FROM leads l WHERE NOT EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = l.id)' },
    {
      name: "touch_count equals the lead's touches",
      sql: 'SELECT l.id, l.touch_count, (SELECT COUNT(*) FROM touches t WHERE t.lead_id = l.id) AS touches FROM leads l WHERE l.touch_count <> (SELECT COUNT(*) FROM touches t WHERE t.lead_id = l.id)',
    },
    { name: 'every touch belongs to a lead', sql: 'SELECT t.id, t.lead_id FROM touches t WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = t.lead_id)' },
    {
      name: 'ownership history is numbered 1…n without gaps',
      sql: 'SELECT c.lead_id, COUNT(*) AS changes, MIN(c.seq) AS first_seq, MAX(c.seq) AS last_seq FROM lead_ownership_changes c GROUP BY c.lead_id HAVING COUNT(*) <> MAX(c.seq) OR MIN(c.seq) <> 1',
    },
    {
      name: "the lead shows its latest ownership change (version, owner, pool, branch)",
      sql: `SELECT l.id, l.ownership_version, l.owner_staff_id, l.pool FROM leads l LEFT JOIN lead_ownership_changes c ON c.lead_id = l.id AND c.seq = l.ownership_version
            WHERE c.id IS NULL OR NOT (${same('c.to_staff_id', 'l.owner_staff_id')} AND c.to_pool = l.pool AND ${same('c.to_branch_id', 'l.branch_id')})
               OR EXISTS (SELECT 1 FROM lead_ownership_changes n WHERE n.lead_id = l.id AND n.seq > l.ownership_version)`,
    },
    {
      name: 'every ownership change is in the audit log',
      sql: `SELECT c.lead_id, c.rule, COUNT(*) AS changes,
              (SELECT COUNT(*) FROM audit_logs a WHERE a.target_type = 'lead' AND a.target_id = c.lead_id AND a.action = ${auditAction}) AS audited
            FROM lead_ownership_changes c GROUP BY c.lead_id, c.rule
            HAVING COUNT(*) <> (SELECT COUNT(*) FROM audit_logs a WHERE a.target_type = 'lead' AND a.target_id = c.lead_id AND a.action = ${auditAction})`,
    },
    {
      name: 'the status is the last status change (or new)',
      sql: "SELECT l.id, l.status FROM leads l WHERE l.status <> COALESCE((SELECT s.to_status FROM lead_status_changes s WHERE s.lead_id = l.id ORDER BY s.id DESC LIMIT 1), 'new')",
    },
    { name: 'every converted lead has its member row', sql: "SELECT l.id FROM leads l WHERE l.status = 'converted' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.lead_id = l.id)" },
    {
      name: 'a follow-up renewed its lead',
      sql: 'SELECT l.id, l.last_follow_up_at FROM leads l INNER JOIN (SELECT lead_id, MAX(created_at) AS latest FROM follow_ups GROUP BY lead_id) f ON f.lead_id = l.id WHERE l.last_follow_up_at IS NULL OR l.last_follow_up_at <> f.latest',
    },
    {
      name: "a touch's visitor is stitched to a lead",
      sql: 'SELECT t.id, t.visitor_id FROM touches t LEFT JOIN visitors v ON v.id = t.visitor_id WHERE t.visitor_id IS NOT NULL AND (v.id IS NULL OR v.lead_id IS NULL)',
    },
  ];
}

const describeRow = (row: Row) =>
  Object.entries(row)
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : String(v)}`)
    .join(' ');

/** Every lead's search grams are stored (what search finds it by), checked in batches of leads. */
async function gramCheck(db: DataSource): Promise<IntegrityCheck> {
  const check: IntegrityCheck = { name: 'every lead has its search grams', failures: 0, examples: [] };
  for (let after = ''; ; ) {
    const leads: Array<{ id: string; name: string; phone: string }> = await db.query('SELECT id, name, phone FROM leads WHERE id > ? AND erased_at IS NULL ORDER BY id LIMIT ?', [after, GRAM_BATCH]);
    if (!leads.length) break;
    const stored: Array<{ gram: string; lead_id: string }> = await db.query(`SELECT gram, lead_id FROM lead_search_grams WHERE lead_id IN (${leads.map(() => '?').join(', ')})`, leads.map((l) => l.id));
    const have = new Set(stored.map((g) => `${g.lead_id}|${g.gram}`));
    for (const lead of leads) {
      const missing = searchGramsOf(lead.name, lead.phone).filter((gram) => !have.has(`${lead.id}|${gram}`));
      if (!missing.length) continue;
      check.failures++;
      if (check.examples.length < EXAMPLES) check.examples.push(`id=${lead.id} missing=${missing.slice(0, 5).join(',')}`);
    }
    after = leads[leads.length - 1].id;
  }
  return check;
}

export async function checkLeadIntegrity(db: DataSource): Promise<IntegrityReport> {
  const checks: IntegrityCheck[] = [];
  for (const { name, sql } of sqlChecks(db.options.type === 'mysql')) {
    const counted: Array<{ n: number | string }> = await db.query(`SELECT COUNT(*) AS n FROM (${sql}) offending`);
    const failures = Number(counted[0].n);
    const examples = failures ? ((await db.query(`${sql} LIMIT ${EXAMPLES}`)) as Row[]).map(describeRow) : [];
    checks.push({ name, failures, examples });
  }
  checks.push(await gramCheck(db));
  const leads = Number(((await db.query('SELECT COUNT(*) AS n FROM leads')) as Array<{ n: number | string }>)[0].n);
  return { ok: checks.every((c) => c.failures === 0), leads, checks };
}

/** The report for a person: one line per check, the offending rows under a failed one. */
export function formatIntegrityReport(report: IntegrityReport): string {
  const lines = [`${report.leads} leads checked`];
  for (const c of report.checks) {
    lines.push(`  ${c.failures ? '✗' : '✓'} ${c.name}${c.failures ? `: ${c.failures} failing` : ''}`);
    for (const example of c.examples) lines.push(`      ${example}`);
  }
  const failed = report.checks.filter((c) => c.failures).length;
  lines.push(failed ? `${failed} of ${report.checks.length} checks failed` : `all ${report.checks.length} checks passed`);
  return lines.join('\n');
}

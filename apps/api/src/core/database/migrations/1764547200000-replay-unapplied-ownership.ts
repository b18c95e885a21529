import type { MigrationInterface, QueryRunner } from 'typeorm';

// Before ownership changes were written in one transaction with their lead, a process that died between the two
// writes left a change its lead did not show; `OwnershipService.repair` replayed such changes at every start.
// Transactions make that impossible from now on and `repair` is gone: this replays, once, what an older version
// may have left. Frozen here: the lead row after a change (as `leadPatchFor` wrote it) and the default protection.
const DEFAULT_PROTECTION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

interface ChangeRow {
  lead_id: string;
  seq: number | string;
  from_staff_id: string | null;
  to_staff_id: string | null;
  to_pool: string;
  to_branch_id: string | null;
  created_at: Date | string;
}

export class ReplayUnappliedOwnership1764547200000 implements MigrationInterface {
  name = 'ReplayUnappliedOwnership1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    // SQLite keeps datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.mmm'; mysql2 reads and writes Date objects.
    const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));
    const param = (d: Date | null) => (d === null || mysql ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
    const settings: Array<{ protection_days: number | string }> = await queryRunner.query("SELECT protection_days FROM pool_settings WHERE id = 'default'");
    const protectionMs = Number(settings[0]?.protection_days ?? DEFAULT_PROTECTION_DAYS) * DAY_MS;
    const pending: ChangeRow[] = await queryRunner.query(
      'SELECT c.lead_id, c.seq, c.from_staff_id, c.to_staff_id, c.to_pool, c.to_branch_id, c.created_at FROM lead_ownership_changes c INNER JOIN leads l ON l.id = c.lead_id WHERE c.seq > l.ownership_version ORDER BY c.lead_id, c.seq',
    );
    for (const c of pending) {
      const at = toDate(c.created_at);
      const seq = Number(c.seq);
      if (c.to_pool === 'private') {
        await queryRunner.query(
          "UPDATE leads SET owner_staff_id = ?, pool = 'private', branch_id = ?, owner_activity_at = ?, protected_until = ?, recycle_warned_at = NULL, ownership_version = ? WHERE id = ? AND ownership_version = ?",
          [c.to_staff_id, c.to_branch_id, param(at), param(new Date(at.getTime() + protectionMs)), seq, c.lead_id, seq - 1],
        );
      } else {
        await queryRunner.query(
          "UPDATE leads SET owner_staff_id = NULL, pool = 'public', branch_id = ?, owner_activity_at = NULL, protected_until = NULL, recycle_warned_at = NULL, released_by_staff_id = ?, released_at = ?, ownership_version = ? WHERE id = ? AND ownership_version = ?",
          [c.to_branch_id, c.from_staff_id, c.from_staff_id ? param(at) : null, seq, c.lead_id, seq - 1],
        );
      }
    }
  }

  async down(): Promise<void> {
    // A replayed change is the lead's real history: nothing to undo.
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex, TableUnique, type TableColumnOptions } from 'typeorm';

// Attribution and the lead pool: ownership history as a sequence per lead, recycle clock, claims,
// follow-ups, status history, members, notifications and HQ's pool settings. Frozen with this migration.
const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '26', isPrimary: true, isNullable: false });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '26', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false, def?: number): TableColumnOptions => ({ name, type: 'int', isNullable: nullable, ...(def === undefined ? {} : { default: def }) });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

const LEAD_COLUMNS = [
  // Bumped by every change of owner; equals the seq of the lead's latest ownership change.
  new TableColumn(int('ownership_version', false, 1)),
  // Start of the recycle clock: when the owner got the lead, or their latest follow-up.
  new TableColumn(time('owner_activity_at', true)),
  new TableColumn(time('recycle_warned_at', true)),
  new TableColumn(time('last_follow_up_at', true)),
  // Who last lost the lead to the public pool, and when: they cannot claim it back for a while.
  new TableColumn(ref('released_by_staff_id', true)),
  new TableColumn(time('released_at', true)),
];

const TABLES: Table[] = [
  new Table({
    name: 'pool_settings',
    columns: [
      { name: 'id', type: 'varchar', length: '16', isPrimary: true, isNullable: false },
      int('protection_days'),
      int('recycle_days'),
      int('recycle_warn_days'),
      int('claim_daily_cap'),
      int('claim_hold_cap'),
      int('reclaim_block_days'),
      ref('updated_by', true),
      time('updated_at'),
    ],
  }),
  new Table({
    name: 'follow_ups',
    columns: [id(), ref('lead_id'), ref('staff_id'), str('method', 16), { name: 'note', type: 'text', isNullable: false }, time('next_at', true), time('created_at')],
    indices: [new TableIndex({ name: 'idx_follow_ups_lead', columnNames: ['lead_id', 'id'] }), new TableIndex({ name: 'idx_follow_ups_staff', columnNames: ['staff_id', 'id'] })],
  }),
  new Table({
    name: 'lead_status_changes',
    columns: [id(), ref('lead_id'), str('from_status', 16), str('to_status', 16), ref('actor_staff_id'), str('reason', 200, true), time('created_at')],
    indices: [new TableIndex({ name: 'idx_lead_status_changes_lead', columnNames: ['lead_id', 'id'] })],
  }),
  new Table({
    name: 'members',
    columns: [id(), ref('lead_id'), ref('converted_by'), time('created_at')],
    uniques: [new TableUnique({ name: 'uq_members_lead', columnNames: ['lead_id'] })],
  }),
  new Table({
    name: 'notifications',
    columns: [id(), ref('staff_id'), str('kind', 32), ref('lead_id'), str('message', 300), time('created_at'), time('read_at', true)],
    indices: [new TableIndex({ name: 'idx_notifications_staff', columnNames: ['staff_id', 'id'] })],
  }),
];

export class LeadPool1764201600000 implements MigrationInterface {
  name = 'LeadPool1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('leads', LEAD_COLUMNS);
    await queryRunner.query('UPDATE leads SET owner_activity_at = created_at WHERE owner_staff_id IS NOT NULL');
    await queryRunner.createIndex('leads', new TableIndex({ name: 'idx_leads_recycle', columnNames: ['pool', 'owner_activity_at'] }));

    // Ownership history becomes a numbered sequence per lead: the unique (lead_id, seq) is what lets exactly
    // one of several racing claims, assignments or recycle runs win.
    await queryRunner.addColumns('lead_ownership_changes', [new TableColumn(int('seq', false, 1)), new TableColumn({ ...str('to_pool', 8, false), default: "'private'" }), new TableColumn(ref('to_branch_id', true))]);
    await queryRunner.query("UPDATE lead_ownership_changes SET to_pool = CASE WHEN to_staff_id IS NULL THEN 'public' ELSE 'private' END");
    // A unique index, not a unique constraint: MySQL's query runner only builds the former.
    await queryRunner.createIndex('lead_ownership_changes', new TableIndex({ name: 'uq_lead_ownership_changes_seq', columnNames: ['lead_id', 'seq'], isUnique: true }));
    await queryRunner.createIndex('lead_ownership_changes', new TableIndex({ name: 'idx_lead_ownership_changes_rule', columnNames: ['to_staff_id', 'rule', 'id'] }));

    await queryRunner.createIndex('touches', new TableIndex({ name: 'idx_touches_collision', columnNames: ['collision', 'id'] }));
    for (const table of TABLES) await queryRunner.createTable(table, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
    await queryRunner.dropIndex('touches', 'idx_touches_collision');
    await queryRunner.dropIndex('lead_ownership_changes', 'idx_lead_ownership_changes_rule');
    await queryRunner.dropIndex('lead_ownership_changes', 'uq_lead_ownership_changes_seq');
    await queryRunner.dropColumns('lead_ownership_changes', ['seq', 'to_pool', 'to_branch_id']);
    await queryRunner.dropIndex('leads', 'idx_leads_recycle');
    await queryRunner.dropColumns('leads', LEAD_COLUMNS);
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex, TableUnique, type TableColumnOptions } from 'typeorm';

// Analytics (issue 8): each visitor's aggregates per staff member with their heat, the radar feed, the lead's heat,
// and dismissed notifications. Frozen with this migration.
const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '26', isPrimary: true, isNullable: false });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '26', isNullable: nullable });
const visitor = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '40', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false, def?: number): TableColumnOptions => ({ name, type: 'int', isNullable: nullable, ...(def === undefined ? {} : { default: def }) });
const big = (name: string): TableColumnOptions => ({ name, type: 'bigint', isNullable: false, default: 0 });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

const TABLES: Table[] = [
  new Table({
    name: 'visitor_stats',
    columns: [
      id(),
      ref('staff_id'),
      ref('branch_id', true),
      visitor('visitor_id'),
      int('views', false, 0),
      int('dwell_seconds', false, 0),
      int('max_read_percent', false, 0),
      int('reshares', false, 0),
      int('reshare_visitors', false, 0),
      // The current page view's dwell and read depth (beacons carry running totals per view).
      int('view_dwell', false, 0),
      int('view_read', false, 0),
      int('heat', false, 0),
      // heat + decay × days since the epoch at the last event: sorting by it is sorting by today's heat.
      big('heat_rank'),
      str('heat_reason', 200),
      ref('last_share_id'),
      ref('last_content_id'),
      time('first_seen_at'),
      time('last_seen_at'),
    ],
    uniques: [new TableUnique({ name: 'uq_visitor_stats_staff_visitor', columnNames: ['staff_id', 'visitor_id'] })],
    indices: [
      new TableIndex({ name: 'idx_visitor_stats_visitor', columnNames: ['visitor_id'] }),
      new TableIndex({ name: 'idx_visitor_stats_staff_heat', columnNames: ['staff_id', 'heat_rank', 'id'] }),
      new TableIndex({ name: 'idx_visitor_stats_staff_recent', columnNames: ['staff_id', 'last_seen_at', 'id'] }),
      new TableIndex({ name: 'idx_visitor_stats_branch_heat', columnNames: ['branch_id', 'heat_rank', 'id'] }),
      new TableIndex({ name: 'idx_visitor_stats_branch_recent', columnNames: ['branch_id', 'last_seen_at', 'id'] }),
      new TableIndex({ name: 'idx_visitor_stats_heat', columnNames: ['heat_rank', 'id'] }),
      new TableIndex({ name: 'idx_visitor_stats_recent', columnNames: ['last_seen_at', 'id'] }),
    ],
  }),
  new Table({
    name: 'radar_items',
    columns: [
      id(),
      ref('staff_id'),
      ref('branch_id', true),
      visitor('visitor_id'),
      str('type', 16),
      ref('share_id'),
      ref('content_id'),
      int('dwell_seconds', true),
      int('read_percent', true),
      int('visit_number', true),
      int('heat', true),
      str('heat_reason', 200, true),
      int('reshare_visitors', true),
      visitor('via_visitor_id', true),
      ref('lead_id', true),
      time('created_at'),
    ],
    indices: [new TableIndex({ name: 'idx_radar_items_staff', columnNames: ['staff_id', 'id'] }), new TableIndex({ name: 'idx_radar_items_branch', columnNames: ['branch_id', 'id'] })],
  }),
];

export class VisitorHeatRadar1764633600000 implements MigrationInterface {
  name = 'VisitorHeatRadar1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table);
    await queryRunner.addColumn('leads', new TableColumn(int('heat', false, 0)));
    await queryRunner.addColumn('leads', new TableColumn(str('heat_reason', 200, true)));
    await queryRunner.addColumn('notifications', new TableColumn(time('dismissed_at', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notifications', 'dismissed_at');
    await queryRunner.dropColumn('leads', 'heat_reason');
    await queryRunner.dropColumn('leads', 'heat');
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name);
  }
}

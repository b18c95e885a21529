import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';

// 数据看板's roll-ups (issue 9): counts per China-time day, staff member, content and share-chain depth, kept as
// shares, visits and leads arrive; and the visitor-days that make "unique visitors" countable without a scan.
// Frozen with this migration.
const day = (): TableColumnOptions => ({ name: 'day', type: 'varchar', length: '10', isPrimary: true, isNullable: false });
const key = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '26', isPrimary: true, isNullable: false });
const count = (name: string): TableColumnOptions => ({ name, type: 'int', isNullable: false, default: 0 });

const TABLES: Table[] = [
  new Table({
    name: 'stats_daily',
    columns: [
      day(),
      key('staff_id'),
      key('content_id'),
      { name: 'depth', type: 'int', isPrimary: true, isNullable: false },
      { name: 'branch_id', type: 'varchar', length: '26', isNullable: true },
      count('shares'),
      count('views'),
      count('unique_visitors'),
      count('reshares'),
      count('leads'),
    ],
    indices: [
      new TableIndex({ name: 'idx_stats_daily_staff', columnNames: ['staff_id', 'day'] }),
      new TableIndex({ name: 'idx_stats_daily_branch', columnNames: ['branch_id', 'day'] }),
      new TableIndex({ name: 'idx_stats_daily_content', columnNames: ['content_id', 'day'] }),
    ],
  }),
  new Table({
    name: 'stats_visitor_days',
    columns: [day(), key('staff_id'), key('content_id'), { name: 'visitor_id', type: 'varchar', length: '40', isPrimary: true, isNullable: false }],
  }),
];

export class StatsRollups1764633600001 implements MigrationInterface {
  name = 'StatsRollups1764633600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name);
  }
}

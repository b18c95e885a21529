import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

// The dashboards' counts per day along one dimension at a time (all, branch, staff, content, depth): what HQ's
// organisation-wide dashboards read, a few thousand rows a month instead of hundreds of thousands of stats_daily
// rows. Frozen with this migration.
const count = (name: string): TableColumnOptions => ({ name, type: 'int', isNullable: false, default: 0 });

export class StatsDimensions1764633600003 implements MigrationInterface {
  name = 'StatsDimensions1764633600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_daily_dims',
        columns: [
          // Key order (dim, day, value): one dimension's rows of a period are one contiguous range.
          { name: 'dim', type: 'varchar', length: '8', isPrimary: true, isNullable: false },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true, isNullable: false },
          { name: 'dim_value', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          count('shares'),
          count('all_shares'),
          count('views'),
          count('unique_visitors'),
          count('reshares'),
          count('leads'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_daily_dims');
  }
}

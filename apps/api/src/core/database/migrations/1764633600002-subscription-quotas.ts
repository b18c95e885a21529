import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Alerts (issue 8): our own count of the one-time subscribe messages each staff member may still be sent per
// topic (WeChat offers no way to read it). Frozen with this migration.
export class SubscriptionQuotas1764633600002 implements MigrationInterface {
  name = 'SubscriptionQuotas1764633600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'subscription_quotas',
        columns: [
          { name: 'staff_id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'topic', type: 'varchar', length: '16', isPrimary: true, isNullable: false },
          { name: 'remaining', type: 'int', isNullable: false, default: 0 },
          { name: 'updated_at', type: 'datetime', precision: 3, isNullable: false },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('subscription_quotas');
  }
}

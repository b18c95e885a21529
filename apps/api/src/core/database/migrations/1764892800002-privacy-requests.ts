import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

// Rights requests from customers (issue 11): what they asked, by which verified phone, and HQ's answer.
export class PrivacyRequests1764892800002 implements MigrationInterface {
  name = 'PrivacyRequests1764892800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'privacy_requests',
        columns: [
          { name: 'id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'phone', type: 'varchar', length: '20', isNullable: false },
          { name: 'kind', type: 'varchar', length: '16', isNullable: false },
          { name: 'message', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '8', isNullable: false },
          { name: 'due_date', type: 'varchar', length: '10', isNullable: false },
          { name: 'handled_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'handled_by', type: 'varchar', length: '26', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [new TableIndex({ name: 'idx_privacy_requests_status', columnNames: ['status', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('privacy_requests');
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

// The consent ledger (issue 11): every consent its own row — the lead, the notice version and the SHA-256 of its
// text, the share and visitor it came through, the address truncated to /24 or /48 — and the time a lead was
// anonymised (a rights request or the retention job), so that it leaves search, exports and the retention run.
export class ConsentLedger1764892800000 implements MigrationInterface {
  name = 'ConsentLedger1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'consents',
        columns: [
          { name: 'id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'lead_id', type: 'varchar', length: '26', isNullable: false },
          { name: 'notice_version', type: 'varchar', length: '20', isNullable: false },
          { name: 'notice_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'share_id', type: 'varchar', length: '26', isNullable: true },
          { name: 'visitor_id', type: 'varchar', length: '40', isNullable: true },
          { name: 'ip_prefix', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [new TableIndex({ name: 'idx_consents_lead', columnNames: ['lead_id', 'id'] })],
      }),
    );
    await queryRunner.addColumn('leads', new TableColumn({ name: 'erased_at', type: 'datetime', precision: 3, isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('leads', 'erased_at');
    await queryRunner.dropTable('consents');
  }
}

import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

// Columns the security review's fixes need (docs/security.md): token versions, the heir of a disabled member,
// the rotation time of refresh tokens (grace for two tabs), and the body hash of an idempotency key.
export class SecurityReviewColumns1764460800000 implements MigrationInterface {
  name = 'SecurityReviewColumns1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff', new TableColumn({ name: 'token_version', type: 'int', isNullable: false, default: 0 }));
    await queryRunner.addColumn('staff', new TableColumn({ name: 'successor_staff_id', type: 'varchar', length: '26', isNullable: true }));
    await queryRunner.addColumn('refresh_tokens', new TableColumn({ name: 'rotated_at', type: 'datetime', precision: 3, isNullable: true }));
    await queryRunner.addColumn('touches', new TableColumn({ name: 'idempotency_hash', type: 'varchar', length: '64', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('touches', 'idempotency_hash');
    await queryRunner.dropColumn('refresh_tokens', 'rotated_at');
    await queryRunner.dropColumn('staff', 'successor_staff_id');
    await queryRunner.dropColumn('staff', 'token_version');
  }
}

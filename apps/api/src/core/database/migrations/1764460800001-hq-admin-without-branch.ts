import type { MigrationInterface, QueryRunner } from 'typeorm';

// An hq_admin belongs to no branch (a branch on one let a branch manager see its invite code: docs/security.md,
// finding 1). Clears the branch of existing hq_admin rows; the API refuses to set one from now on.
export class HqAdminWithoutBranch1764460800001 implements MigrationInterface {
  name = 'HqAdminWithoutBranch1764460800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE staff SET branch_id = NULL WHERE role = 'hq_admin' AND branch_id IS NOT NULL");
  }

  async down(): Promise<void> {
    // The old branches are not kept: there is nothing to restore.
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Backfill (separate from the schema change): each lead taken before the ledger gets one consent row from the
// version and time it stored. The notice text of those consents was not recorded, so their hash stays NULL.
// The row's id is the lead's id, which tells these rows apart for `down()`.
export class BackfillConsents1764892800001 implements MigrationInterface {
  name = 'BackfillConsents1764892800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO consents (id, lead_id, notice_version, notice_hash, share_id, visitor_id, ip_prefix, created_at)
       SELECT l.id, l.id, l.consent_version, NULL, l.first_share_id, NULL, NULL, l.consented_at FROM leads l
       WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.lead_id = l.id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM consents WHERE id = lead_id');
  }
}

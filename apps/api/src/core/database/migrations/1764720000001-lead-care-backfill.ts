import type { MigrationInterface, QueryRunner } from 'typeorm';

// Fills the columns of LeadCareColumns1764720000000 for leads that existed before it: the content and channel of
// the share that first brought each lead, and the next follow-up the current owner last planned. Portable SQL
// (correlated subqueries), one statement each; down() empties them again.
export class LeadCareBackfill1764720000001 implements MigrationInterface {
  name = 'LeadCareBackfill1764720000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE leads SET
         source_content_id = (SELECT s.content_id FROM shares s WHERE s.id = leads.first_share_id),
         source_channel = (SELECT s.channel FROM shares s WHERE s.id = leads.first_share_id)
       WHERE source_channel IS NULL`,
    );
    await queryRunner.query(
      `UPDATE leads SET next_follow_up_at = (
         SELECT f.next_at FROM follow_ups f WHERE f.lead_id = leads.id AND f.staff_id = leads.owner_staff_id ORDER BY f.id DESC LIMIT 1
       )
       WHERE pool = 'private' AND next_follow_up_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE leads SET source_content_id = NULL, source_channel = NULL, next_follow_up_at = NULL');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Backfill: each content's status from its `published` flag. A business card stops being a content kind
// (contract Additions): the old shared 名片 contents become articles taken offline (已下架), so their existing
// links show the friendly page with the sharer's own card, and nobody can share them again.
export class ContentStatusBackfill1764806400001 implements MigrationInterface {
  name = 'ContentStatusBackfill1764806400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE contents SET status = 'published' WHERE published = 1 AND kind <> 'card'`);
    await queryRunner.query(`UPDATE contents SET status = 'offline', kind = 'article', published = 0, offline_at = updated_at WHERE kind = 'card'`);
  }

  async down(): Promise<void> {
    // The status columns go with the schema migration's down(); the former card contents stay articles (which
    // content was a card is not kept).
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Search grams of the digits a masked phone shows (`v:`: the first 3 digits, and the runs of 3 and 4 in the last 4),
// so a partial number matches only what the caller can see (docs/security.md, finding 3). One INSERT … SELECT per
// gram: the database does the backfill without the rows passing through the process.
const VISIBLE_PARTS = [
  [1, 3],
  [8, 3],
  [9, 3],
  [8, 4],
] as const;

export class VisiblePhoneGrams1764460800002 implements MigrationInterface {
  name = 'VisiblePhoneGrams1764460800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    for (const [start, length] of VISIBLE_PARTS) {
      const gram = mysql ? `CONCAT('v:', SUBSTRING(phone, ${start}, ${length}))` : `'v:' || substr(phone, ${start}, ${length})`;
      await queryRunner.query(`INSERT ${mysql ? 'IGNORE' : 'OR IGNORE'} INTO lead_search_grams (gram, lead_id) SELECT ${gram}, id FROM leads WHERE LENGTH(phone) = 11`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM lead_search_grams WHERE gram LIKE 'v:%'");
  }
}

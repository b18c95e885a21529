import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { searchGramsOf } from '../../../modules/lead/lead-search.util';

// Search grams so that `q` over millions of leads reads a few thousand rows, not all of them.
// The backfill runs in batches of 1,000 leads; for a large existing pool, run it in a quiet hour.
export class LeadSearchGrams1764374400000 implements MigrationInterface {
  name = 'LeadSearchGrams1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lead_search_grams',
        columns: [
          { name: 'gram', type: 'varchar', length: '16', isPrimary: true, isNullable: false },
          { name: 'lead_id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
        ],
      }),
      true,
    );
    let after = '';
    for (;;) {
      const leads: Array<{ id: string; name: string; phone: string }> = await queryRunner.query('SELECT id, name, phone FROM leads WHERE id > ? ORDER BY id LIMIT 1000', [after]);
      if (!leads.length) break;
      const rows = leads.flatMap((l) => searchGramsOf(l.name, l.phone).map((gram) => [gram, l.id]));
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await queryRunner.query(`INSERT INTO lead_search_grams (gram, lead_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
      }
      after = leads[leads.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lead_search_grams', true);
  }
}

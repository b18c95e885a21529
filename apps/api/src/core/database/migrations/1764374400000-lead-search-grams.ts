import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// The grams as this migration first wrote them, frozen here (a migration never imports live code): every 3-digit
// run of the phone, every character and pair of characters of the name. Later grams come with later migrations.
function searchGramsOf(name: string, phone: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= phone.length; i++) grams.add(`p:${phone.slice(i, i + 3)}`);
  const chars = [...name.toLowerCase()].filter((c) => c.trim());
  for (let i = 0; i < chars.length; i++) {
    grams.add(`n:${chars[i]}`);
    if (i + 1 < chars.length) grams.add(`n:${chars[i]}${chars[i + 1]}`);
  }
  return [...grams].filter((g) => g.length <= 16);
}

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

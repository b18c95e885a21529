import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex, TableUnique, type TableColumnOptions } from 'typeorm';

// Contents with blocks, a status and categories; staff members' own cards; HQ's brand settings; card shares (a
// share without a content); opt-out requests from customers; landing visitors' WeChat openids. Portable across MariaDB and SQLite. Frozen here.
const ref = (name: string, nullable = false, length = '26'): TableColumnOptions => ({ name, type: 'varchar', length, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: false });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

export class ContentsCardsBrand1764806400000 implements MigrationInterface {
  name = 'ContentsCardsBrand1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('contents', [
      new TableColumn({ name: 'status', type: 'varchar', length: '16', isNullable: false, default: "'draft'" }),
      new TableColumn({ name: 'blocks', type: 'text', isNullable: true }),
      new TableColumn({ name: 'cta_text', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'form_fields', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'category_id', type: 'varchar', length: '26', isNullable: true }),
      new TableColumn({ name: 'offline_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await queryRunner.createIndex('contents', new TableIndex({ name: 'idx_contents_status', columnNames: ['status', 'updated_at', 'id'] }));
    await queryRunner.createIndex('contents', new TableIndex({ name: 'idx_contents_category', columnNames: ['category_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'content_categories',
        columns: [ref('id'), str('name', 20), time('created_at')].map((c) => (c.name === 'id' ? { ...c, isPrimary: true } : c)),
        uniques: [new TableUnique({ name: 'uq_content_categories_name', columnNames: ['name'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_cards',
        columns: [
          { ...ref('staff_id'), isPrimary: true },
          str('title', 30),
          str('phone', 20, true),
          bool('show_phone'),
          str('wechat_id', 20, true),
          bool('show_wechat_id'),
          str('intro', 300),
          str('avatar_url', 500, true),
          str('featured_content_ids', 200),
          time('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'brand_settings',
        columns: [
          { name: 'id', type: 'int', isPrimary: true, isNullable: false },
          str('name', 30),
          str('logo_url', 500, true),
          str('color_primary', 7),
          str('contact_within', 20),
          ref('updated_by', true),
          time('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'opt_outs',
        columns: [{ ...ref('id'), isPrimary: true }, str('phone', 20), str('source', 8), time('created_at')],
        indices: [new TableIndex({ name: 'idx_opt_outs_phone', columnNames: ['phone'] })],
      }),
    );
    // The openid WeChat's web OAuth (snsapi_base) gave a landing visitor: nothing else of their WeChat account.
    await queryRunner.createTable(new Table({ name: 'visitor_wechat', columns: [{ ...ref('visitor_id', false, '40'), isPrimary: true }, str('openid', 64), time('created_at')] }));
    // A share of a staff member's own card has no content.
    await queryRunner.changeColumn('shares', 'content_id', new TableColumn(ref('content_id', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM shares WHERE content_id IS NULL`);
    await queryRunner.changeColumn('shares', 'content_id', new TableColumn(ref('content_id')));
    await queryRunner.dropTable('visitor_wechat');
    await queryRunner.dropTable('opt_outs');
    await queryRunner.dropTable('brand_settings');
    await queryRunner.dropTable('staff_cards');
    await queryRunner.dropTable('content_categories');
    await queryRunner.dropIndex('contents', 'idx_contents_category');
    await queryRunner.dropIndex('contents', 'idx_contents_status');
    for (const column of ['offline_at', 'category_id', 'form_fields', 'cta_text', 'blocks', 'status']) await queryRunner.dropColumn('contents', column);
  }
}

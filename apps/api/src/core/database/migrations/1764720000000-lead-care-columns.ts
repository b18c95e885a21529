import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

// What both apps show and filter by on a lead (the one GET /api/leads): 不再联系 with when and why, the customer's
// WeChat ID, the owner's planned next follow-up, the content and channel that first brought the lead (kept on
// the lead so the pool filters by them through an index, not a join to shares), and tags (HQ's and free ones).
// Values for existing rows come from the next migration (a backfill is never mixed with a schema change).
const LEAD_COLUMNS = [
  new TableColumn({ name: 'do_not_contact_at', type: 'datetime', precision: 3, isNullable: true }),
  new TableColumn({ name: 'do_not_contact_reason', type: 'varchar', length: '200', isNullable: true }),
  new TableColumn({ name: 'wechat_id', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'next_follow_up_at', type: 'datetime', precision: 3, isNullable: true }),
  new TableColumn({ name: 'source_content_id', type: 'varchar', length: '26', isNullable: true }),
  new TableColumn({ name: 'source_channel', type: 'varchar', length: '16', isNullable: true }),
];

const LEAD_INDEXES = [
  new TableIndex({ name: 'idx_leads_next_follow_up', columnNames: ['owner_staff_id', 'next_follow_up_at', 'id'] }),
  new TableIndex({ name: 'idx_leads_source_content', columnNames: ['source_content_id', 'id'] }),
  new TableIndex({ name: 'idx_leads_source_channel', columnNames: ['source_channel', 'id'] }),
  new TableIndex({ name: 'idx_leads_last_touch', columnNames: ['last_touch_at', 'id'] }),
  new TableIndex({ name: 'idx_leads_owner_last_touch', columnNames: ['owner_staff_id', 'last_touch_at', 'id'] }),
  new TableIndex({ name: 'idx_leads_branch_last_touch', columnNames: ['branch_id', 'last_touch_at', 'id'] }),
];

export class LeadCareColumns1764720000000 implements MigrationInterface {
  name = 'LeadCareColumns1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of LEAD_COLUMNS) await queryRunner.addColumn('leads', column);
    for (const index of LEAD_INDEXES) await queryRunner.createIndex('leads', index);
    await queryRunner.createTable(
      new Table({
        name: 'tags',
        columns: [
          { name: 'id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'name', type: 'varchar', length: '12', isNullable: false },
          // Position in HQ's list; null for a free tag.
          { name: 'hq_position', type: 'int', isNullable: true },
          { name: 'created_by_staff_id', type: 'varchar', length: '26', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        uniques: [{ name: 'uq_tags_name', columnNames: ['name'] }],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'lead_tags',
        columns: [
          { name: 'lead_id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'tag_id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [{ name: 'idx_lead_tags_tag', columnNames: ['tag_id', 'lead_id'] }],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lead_tags', true);
    await queryRunner.dropTable('tags', true);
    for (const index of [...LEAD_INDEXES].reverse()) await queryRunner.dropIndex('leads', index.name as string);
    for (const column of [...LEAD_COLUMNS].reverse()) await queryRunner.dropColumn('leads', column.name);
  }
}

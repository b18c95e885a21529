import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

// The lead list sorts by heat (热度) in every scope (the analytics module keeps `leads.heat`): keyset pages on
// (heat, id) read an index instead of sorting the whole scope.
const HEAT_INDEXES = [
  new TableIndex({ name: 'idx_leads_heat', columnNames: ['heat', 'id'] }),
  new TableIndex({ name: 'idx_leads_owner_heat', columnNames: ['owner_staff_id', 'heat', 'id'] }),
  new TableIndex({ name: 'idx_leads_branch_heat', columnNames: ['branch_id', 'heat', 'id'] }),
];

export class LeadHeatIndexes1764979200000 implements MigrationInterface {
  name = 'LeadHeatIndexes1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of HEAT_INDEXES) await queryRunner.createIndex('leads', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [...HEAT_INDEXES].reverse()) await queryRunner.dropIndex('leads', index.name as string);
  }
}

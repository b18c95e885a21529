import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// 撞单 as a work list: a collision (a colliding touch) is open until someone keeps the owner or reassigns the lead;
// one resolution per collision (the primary key makes a second one fail: 409 COLLISION_RESOLVED).
export class CollisionResolutions1764720000002 implements MigrationInterface {
  name = 'CollisionResolutions1764720000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'collision_resolutions',
        columns: [
          { name: 'touch_id', type: 'varchar', length: '26', isPrimary: true, isNullable: false },
          { name: 'action', type: 'varchar', length: '16', isNullable: false },
          { name: 'to_staff_id', type: 'varchar', length: '26', isNullable: true },
          { name: 'reason', type: 'varchar', length: '200', isNullable: false },
          { name: 'resolved_by_staff_id', type: 'varchar', length: '26', isNullable: false },
          { name: 'resolved_at', type: 'datetime', precision: 3, isNullable: false },
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('collision_resolutions', true);
  }
}

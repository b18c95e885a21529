import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a collision (撞单, a colliding touch) was resolved: the owner kept, or the lead reassigned. */
@Entity({ name: 'collision_resolutions' })
export class CollisionResolutionEntity {
  @PrimaryColumn({ name: 'touch_id', type: 'varchar', length: 26 })
  touchId: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  action: 'kept' | 'reassigned';

  @Column({ name: 'to_staff_id', type: 'varchar', length: 26, nullable: true })
  toStaffId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: false })
  reason: string;

  @Column({ name: 'resolved_by_staff_id', type: 'varchar', length: 26, nullable: false })
  resolvedByStaffId: string;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: false })
  resolvedAt: Date;
}

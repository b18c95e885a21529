import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A tag (标签): one of HQ's (`hqPosition` set, in that order) or a free one a staff member typed. Unique by name. */
@Entity({ name: 'tags' })
@Unique('uq_tags_name', ['name'])
export class TagEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 12, nullable: false })
  name: string;

  @Column({ name: 'hq_position', type: 'int', nullable: true })
  hqPosition: number | null;

  @Column({ name: 'created_by_staff_id', type: 'varchar', length: 26, nullable: true })
  createdByStaffId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'branches' })
@Unique('uq_branches_name', ['name'])
export class BranchEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 60, nullable: false })
  name: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** 分类 of the content library (HQ's). */
@Entity({ name: 'content_categories' })
@Unique('uq_content_categories_name', ['name'])
export class ContentCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 20, nullable: false })
  name: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

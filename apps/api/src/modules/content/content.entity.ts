import type { ContentKind } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contents' })
@Index('idx_contents_published', ['published', 'id'])
export class ContentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  kind: ContentKind;

  @Column({ type: 'varchar', length: 100, nullable: false })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: false })
  summary: string;

  /** Plain text; rendered as escaped paragraphs, never as HTML. */
  @Column({ type: 'text', nullable: false })
  body: string;

  @Column({ name: 'cover_url', type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'boolean', nullable: false })
  published: boolean;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 26, nullable: false })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}

import type { ContentKind, ContentStatus } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contents' })
@Index('idx_contents_published', ['published', 'id'])
@Index('idx_contents_status', ['status', 'updatedAt', 'id'])
@Index('idx_contents_category', ['categoryId'])
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

  /** True exactly when `status` is `published` (kept for the contract's `published` and old queries). */
  @Column({ type: 'boolean', nullable: false })
  published: boolean;

  /** 草稿 → 已发布 → 已下架. */
  @Column({ type: 'varchar', length: 16, nullable: false, default: 'draft' })
  status: ContentStatus;

  /** The editor's blocks as JSON (`contentBlocksSchema`); null for a content written before blocks. */
  @Column({ type: 'text', nullable: true })
  blocks: string | null;

  @Column({ name: 'cta_text', type: 'varchar', length: 16, nullable: true })
  ctaText: string | null;

  /** The extra form fields, comma-separated (`EXTRA_FORM_FIELDS`); null: the default. */
  @Column({ name: 'form_fields', type: 'varchar', length: 100, nullable: true })
  formFields: string | null;

  @Column({ name: 'category_id', type: 'varchar', length: 26, nullable: true })
  categoryId: string | null;

  @Column({ name: 'offline_at', type: 'datetime', precision: 3, nullable: true })
  offlineAt: Date | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 26, nullable: false })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}

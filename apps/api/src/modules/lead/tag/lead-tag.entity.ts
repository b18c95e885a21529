import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag on a lead. `(tag_id, lead_id)` serves the list's tag filter. */
@Entity({ name: 'lead_tags' })
@Index('idx_lead_tags_tag', ['tagId', 'leadId'])
export class LeadTagEntity {
  @PrimaryColumn({ name: 'lead_id', type: 'varchar', length: 26 })
  leadId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'varchar', length: 26 })
  tagId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

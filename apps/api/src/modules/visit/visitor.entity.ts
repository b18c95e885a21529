import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An anonymous person on a landing page, known by the first-party `fj_vid` cookie. */
@Entity({ name: 'visitors' })
@Index('idx_visitors_lead', ['leadId'])
export class VisitorEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  /** Set when the visitor leaves contact details: their earlier visits belong to this lead. */
  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: true })
  leadId: string | null;

  @Column({ name: 'first_share_id', type: 'varchar', length: 26, nullable: true })
  firstShareId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

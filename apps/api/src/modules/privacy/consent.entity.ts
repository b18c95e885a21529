import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One consent to the privacy notice, as given with one accepted submission of the lead form (the ledger). */
@Entity({ name: 'consents' })
@Index('idx_consents_lead', ['leadId', 'id'])
export class ConsentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  /** `PRIVACY_NOTICE_VERSION` of the notice agreed to. */
  @Column({ name: 'notice_version', type: 'varchar', length: 20, nullable: false })
  noticeVersion: string;

  /** SHA-256 (hex) of the notice text of that version; null for consents backfilled from before the ledger. */
  @Column({ name: 'notice_hash', type: 'varchar', length: 64, nullable: true })
  noticeHash: string | null;

  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: true })
  shareId: string | null;

  /** The browser's visitor id; cleared when the person's data is erased. */
  @Column({ name: 'visitor_id', type: 'varchar', length: 40, nullable: true })
  visitorId: string | null;

  /** The client address truncated to /24 (IPv4) or /48 (IPv6); cleared when the person's data is erased. */
  @Column({ name: 'ip_prefix', type: 'varchar', length: 64, nullable: true })
  ipPrefix: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

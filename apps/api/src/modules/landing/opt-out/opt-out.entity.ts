import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A customer's 不再联系 request, as they made it (signed link or phone + SMS code). */
@Entity({ name: 'opt_outs' })
@Index('idx_opt_outs_phone', ['phone'])
export class OptOutEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 20, nullable: false })
  phone: string;

  /** `link` (the signed link) or `sms` (phone + code). */
  @Column({ type: 'varchar', length: 8, nullable: false })
  source: 'link' | 'sms';

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

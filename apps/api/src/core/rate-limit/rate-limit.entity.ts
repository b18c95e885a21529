import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window counter shared by every API process. */
@Entity({ name: 'rate_limits' })
export class RateLimitEntity {
  @PrimaryColumn({ name: 'bucket', type: 'varchar', length: 191 })
  bucket: string;

  @Column({ type: 'int', nullable: false })
  hits: number;

  @Column({ name: 'reset_at', type: 'datetime', precision: 3, nullable: false })
  resetAt: Date;
}

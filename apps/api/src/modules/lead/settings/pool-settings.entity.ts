import { Column, Entity, PrimaryColumn } from 'typeorm';

/** HQ's attribution and pool rules: one row, id 'default'. */
@Entity({ name: 'pool_settings' })
export class PoolSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  @Column({ name: 'protection_days', type: 'int', nullable: false })
  protectionDays: number;

  @Column({ name: 'recycle_days', type: 'int', nullable: false })
  recycleDays: number;

  @Column({ name: 'recycle_warn_days', type: 'int', nullable: false })
  recycleWarnDays: number;

  @Column({ name: 'claim_daily_cap', type: 'int', nullable: false })
  claimDailyCap: number;

  @Column({ name: 'claim_hold_cap', type: 'int', nullable: false })
  claimHoldCap: number;

  @Column({ name: 'reclaim_block_days', type: 'int', nullable: false })
  reclaimBlockDays: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 26, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** HQ's brand for customers' pages: one row (id 1), absent until HQ first saves (the defaults apply). */
@Entity({ name: 'brand_settings' })
export class BrandSettingsEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 30, nullable: false })
  name: string;

  @Column({ name: 'logo_url', type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  @Column({ name: 'color_primary', type: 'varchar', length: 7, nullable: false })
  colorPrimary: string;

  @Column({ name: 'contact_within', type: 'varchar', length: 20, nullable: false })
  contactWithin: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 26, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}

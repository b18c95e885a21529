import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One refresh token. Tokens of one sign-in form a family; reusing a rotated token revokes the family. */
@Entity({ name: 'refresh_tokens' })
@Index('idx_refresh_tokens_staff', ['staffId'])
@Index('idx_refresh_tokens_family', ['familyId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ name: 'family_id', type: 'varchar', length: 26, nullable: false })
  familyId: string;

  /** sha256 of the secret part, hex. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, nullable: false })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: false })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** When it was used to rotate (a second use within seconds is two tabs refreshing, not a leak). */
  @Column({ name: 'rotated_at', type: 'datetime', precision: 3, nullable: true })
  rotatedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokenRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(RefreshTokenEntity);
  }

  findById(id: string): Promise<RefreshTokenEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async insert(token: RefreshTokenEntity): Promise<void> {
    await this.repo.insert(token);
  }

  /** Marks a token used to rotate; true for exactly one of several concurrent callers. */
  async rotateIfActive(id: string, now: Date): Promise<boolean> {
    const result = await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: now, rotatedAt: now });
    return Boolean(result.affected);
  }

  /** Ends a sign-in on every device; its rotated tokens lose their grace too. */
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
    await this.repo.update({ familyId }, { rotatedAt: null });
  }

  async revokeAllForStaff(staffId: string, now: Date): Promise<void> {
    await this.repo.update({ staffId, revokedAt: IsNull() }, { revokedAt: now });
    await this.repo.update({ staffId }, { rotatedAt: null });
  }
}

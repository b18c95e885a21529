import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { ShareEntity } from './share.entity';

@Injectable()
export class ShareRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ShareEntity);
  }

  findByCode(code: string): Promise<ShareEntity | null> {
    return this.repo.findOneBy({ code });
  }

  findByIds(ids: string[]): Promise<ShareEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findChild(parentShareId: string, sharerVisitorId: string): Promise<ShareEntity | null> {
    return this.repo.findOneBy({ parentShareId, sharerVisitorId });
  }

  /** The staff member's share of a featured content made from their card share. */
  findFeatured(cardShareId: string, contentId: string): Promise<ShareEntity | null> {
    return this.repo.findOne({ where: { parentShareId: cardShareId, contentId, sharerVisitorId: IsNull() }, order: { id: 'ASC' } });
  }

  async insert(share: ShareEntity): Promise<void> {
    await this.repo.insert(share);
  }

  /** The share and its ancestors up to the staff member's root share, root first. */
  async chainTo(shareId: string): Promise<ShareEntity[]> {
    const chain: ShareEntity[] = [];
    let next: string | null = shareId;
    while (next && chain.length < 100) {
      const share: ShareEntity | null = await this.repo.findOneBy({ id: next });
      if (!share) break;
      chain.unshift(share);
      next = share.parentShareId;
    }
    return chain;
  }
}

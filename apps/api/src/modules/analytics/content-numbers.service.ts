import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ContentStats } from '@fenji/shared';
import { ContentNumbers } from '../content/content-numbers.port';
import { StatsService } from './stats.service';

/**
 * Per-content numbers for the console's content list (shares, views, unique visitors, leads, conversion), from the
 * roll-ups: one grouped query for a page of contents. Exported for the content admin list (B3).
 */
@Injectable()
export class ContentNumbersService implements OnModuleInit {
  constructor(
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(ContentNumbers) private readonly port: ContentNumbers,
  ) {}

  onModuleInit(): void {
    this.port.use((ids) => this.forContents([...ids]));
  }

  /** Every content of `contentIds` gets an entry (zeros when nothing happened); all time unless a period is given. */
  forContents(contentIds: string[], period?: { from?: Date; to?: Date }): Promise<Map<string, ContentStats>> {
    return this.stats.perContent([...new Set(contentIds)], period?.from, period?.to);
  }
}

import { Injectable } from '@nestjs/common';
import type { ContentStats } from '@fenji/shared';

export const ZERO_CONTENT_STATS: ContentStats = { shares: 0, views: 0, uniqueVisitors: 0, leads: 0, conversionRate: null };

type NumbersSource = (ids: readonly string[]) => Promise<Map<string, ContentStats>>;

/**
 * Per-content numbers for the console's content list (shares, views, unique visitors, leads, conversion). The
 * analytics module computes them from its roll-ups and registers its source here at start-up (analytics imports
 * content; content cannot import it back). Until one is registered every content shows zeros, never made-up numbers.
 */
@Injectable()
export class ContentNumbers {
  private source: NumbersSource | null = null;

  use(source: NumbersSource): void {
    this.source = source;
  }

  async forContents(ids: readonly string[]): Promise<Map<string, ContentStats>> {
    if (this.source) return this.source(ids);
    return new Map(ids.map((id) => [id, ZERO_CONTENT_STATS]));
  }
}

import { Injectable } from '@nestjs/common';
import type { ContentStats } from '@fenji/shared';

/**
 * Per-content numbers for the console's content list (shares, views, unique visitors, leads, conversion). The
 * analytics slice provides the real implementation from its roll-up tables; until it is wired in, every content
 * shows zeros (never made-up numbers).
 */
export abstract class ContentNumbers {
  abstract forContents(ids: readonly string[]): Promise<Map<string, ContentStats>>;
}

export const ZERO_CONTENT_STATS: ContentStats = { shares: 0, views: 0, uniqueVisitors: 0, leads: 0, conversionRate: null };

@Injectable()
export class ZeroContentNumbers extends ContentNumbers {
  async forContents(ids: readonly string[]): Promise<Map<string, ContentStats>> {
    return new Map(ids.map((id) => [id, ZERO_CONTENT_STATS]));
  }
}

import type { TimelineKind } from '@fenji/shared';

/** How each kind of timeline entry is named on the lead detail page. */
export const TIMELINE_KIND_LABELS = {
  submission: '留资',
  visit: '访问',
  collision: '撞单',
  ownership: '归属变更',
  follow_up: '跟进',
  status: '状态变更',
} satisfies Record<TimelineKind, string>;

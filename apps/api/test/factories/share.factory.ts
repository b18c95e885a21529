import type { ShareEntity } from '../../src/modules/share/share.entity';

/** A staff member's own share (depth 0) of a content. */
export function shareFactory(overrides: Partial<ShareEntity> = {}): ShareEntity {
  return {
    id: 'share-1',
    code: 'Abc123XyZ9',
    contentId: 'content-1',
    staffId: 'staff-owner',
    parentShareId: null,
    sharerVisitorId: null,
    channel: 'wechat_friend',
    depth: 0,
    createdAt: new Date('2026-02-01T00:00:00.000Z'),
    ...overrides,
  };
}

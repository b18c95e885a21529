import type { Content } from '@fenji/shared';
import type { ContentEntity } from './content.entity';

export function toContent(c: ContentEntity): Content {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    body: c.body,
    coverUrl: c.coverUrl,
    published: c.published,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

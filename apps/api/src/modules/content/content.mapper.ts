import { contentBlocksSchema, EXTRA_FORM_FIELDS, type Content, type ContentAdmin, type ContentBlock, type ExtraFormField } from '@fenji/shared';
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

/** The stored blocks; a content from before blocks is its body as one text block. */
export function blocksOf(c: Pick<ContentEntity, 'blocks' | 'body'>): ContentBlock[] {
  if (c.blocks) {
    let raw: unknown;
    try {
      raw = JSON.parse(c.blocks);
    } catch {
      raw = null;
    }
    const parsed = contentBlocksSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
  }
  return c.body.trim() ? [{ type: 'text', text: c.body.trim().slice(0, 5000) }] : [];
}

export function formFieldsOf(c: Pick<ContentEntity, 'formFields'>): ExtraFormField[] | null {
  if (c.formFields === null) return null;
  return c.formFields.split(',').filter((f): f is ExtraFormField => (EXTRA_FORM_FIELDS as readonly string[]).includes(f));
}

/** The plain text of the text blocks: `body` for old clients and search. */
export function bodyOfBlocks(blocks: readonly ContentBlock[]): string {
  return blocks
    .filter((b) => b.type === 'text')
    .map((b) => (b.type === 'text' ? b.text : ''))
    .join('\n\n');
}

export function toContentAdmin(c: ContentEntity, categoryName: string | null): ContentAdmin {
  return {
    ...toContent(c),
    status: c.status,
    categoryId: c.categoryId,
    categoryName,
    blocks: blocksOf(c),
    ...(c.ctaText ? { ctaText: c.ctaText } : {}),
    formFields: formFieldsOf(c) ?? ['message'],
    offlineAt: c.offlineAt ? c.offlineAt.toISOString() : null,
  };
}

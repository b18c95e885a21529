import { CTA_PRESETS, type ContentAdmin, type ContentBlock, type ContentDraft, type ExtraFormField } from '@fenji/shared';

/** The editor's form values (what antd's Form holds). */
export interface EditorValues {
  kind: ContentDraft['kind'];
  title: string;
  summary?: string;
  coverUrl?: string | null;
  categoryId?: string | null;
  blocks: ContentBlock[];
  ctaText?: string;
  formFields: ExtraFormField[];
  published?: boolean;
}

export const NEW_CONTENT: EditorValues = {
  kind: 'article',
  title: '',
  summary: '',
  coverUrl: null,
  categoryId: null,
  blocks: [{ type: 'text', text: '' }],
  ctaText: CTA_PRESETS[1],
  formFields: ['message'],
  published: false,
};

/** The plain text of the text blocks: sent as `body`, so an API without blocks still keeps the words. */
export function bodyFromBlocks(blocks: readonly ContentBlock[]): string {
  return blocks
    .filter((b): b is Extract<ContentBlock, { type: 'text' }> => b.type === 'text')
    .map((b) => b.text.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The draft the API receives (create, update, preview). */
export function toDraft(values: Partial<EditorValues>): Record<string, unknown> {
  const blocks = values.blocks ?? [];
  return {
    kind: values.kind,
    title: values.title ?? '',
    summary: values.summary?.trim() || undefined,
    coverUrl: values.coverUrl || null,
    categoryId: values.categoryId || null,
    blocks,
    body: bodyFromBlocks(blocks),
    ctaText: values.ctaText,
    formFields: values.formFields ?? [],
    ...(values.published !== undefined ? { published: values.published } : {}),
  };
}

/** A stored content as form values: its blocks, or its plain body as one text block. */
export function fromContent(content: ContentAdmin): EditorValues {
  const kind = content.kind === 'card' ? 'article' : content.kind;
  return {
    kind,
    title: content.title,
    summary: content.summary,
    coverUrl: content.coverUrl,
    categoryId: content.categoryId ?? null,
    blocks: content.blocks?.length ? content.blocks : content.body.trim() ? [{ type: 'text', text: content.body }] : [],
    ctaText: content.ctaText ?? NEW_CONTENT.ctaText,
    formFields: content.formFields ?? [],
  };
}

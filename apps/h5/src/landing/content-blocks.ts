import type { ContentBlock } from '@fenji/shared';
import { html, safeUrl, type SafeHtml } from './escape-html';
import { ICONS } from './icons';
import { COLUMN_SIZES, renderImage } from './media-image';
import { LANDING_IDS } from './dom-ids';

/** HQ writes plain text: every non-empty line is a paragraph. Never HTML. */
export function renderParagraphs(text: string): SafeHtml[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => html`<p>${line}</p>\n`);
}

/** One block. `ctaText` is the lead form's words: a call-to-action block jumps to the form with them. */
export function renderBlock(block: ContentBlock, ctaText: string): SafeHtml | '' {
  switch (block.type) {
    case 'text':
      return html`<div class="txt">${renderParagraphs(block.text)}</div>\n`;
    case 'image': {
      const img = renderImage({ url: block.url, width: block.width, height: block.height, alt: block.alt }, { sizes: COLUMN_SIZES });
      return img ? html`<figure>${img}</figure>\n` : '';
    }
    case 'video': {
      const url = safeUrl(block.url);
      if (!url) return '';
      return html`<a class="vid" href="${url}" target="_blank" rel="noopener noreferrer"><span class="ic">${ICONS.play}</span><span><b>${block.title}</b><span class="sub">点按观看视频</span></span></a>\n`;
    }
    case 'facts':
      return html`<dl class="facts">${block.items.map((item) => html`<div><dt>${item.label}</dt><dd>${item.value}</dd></div>`)}</dl>\n`;
    case 'cta':
      return html`<div class="cta">${block.text ? html`<p>${block.text}</p>` : ''}<a class="btn" href="#${LANDING_IDS.lead}">${ctaText}</a></div>\n`;
  }
}

export function renderBlocks(blocks: readonly ContentBlock[], ctaText: string): SafeHtml[] {
  return blocks.map((block) => renderBlock(block, ctaText)).filter((part): part is SafeHtml => part !== '');
}

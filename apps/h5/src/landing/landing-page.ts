import { html } from './escape-html';
import { renderDocument, toDescription } from './document';
import { LANDING_IDS } from './dom-ids';
import { renderBlocks } from './content-blocks';
import type { ContactPromise, LandingPageData } from './landing-model';
import { renderLeadSection } from './lead-form';
import { COLUMN_SIZES, previewImageUrl, renderImage } from './media-image';
import { renderBrandHeader, renderCtaBar, renderFooter, renderShareActions } from './page-chrome';
import { renderSharerStrip } from './sharer-card';

/** The first text of the content, for descriptions when HQ wrote no summary. */
function firstText(data: LandingPageData): string {
  const text = data.content.blocks.find((block) => block.type === 'text');
  return text && text.type === 'text' ? text.text : '';
}

/**
 * The page a customer opens from a share: the brand, the cover, the title, who shared it and how to reach them,
 * the content's blocks, then the lead form in the content's words. The same for every visitor (it is cached per
 * share): what differs per visitor (already left details, inside WeChat) is decided by the script.
 */
export function renderLandingPage(data: LandingPageData): string {
  const { content, brand, form, urls, sharer } = data;
  const description = toDescription(content.summary || firstText(data) || content.title);
  const cover = content.cover ? renderImage(content.cover, { sizes: COLUMN_SIZES, eager: true, className: 'cover' }) : '';
  const promise: ContactPromise = { sharer, brandName: brand.name, contactWithin: form.contactWithin };
  const preview = previewImageUrl(content.cover);
  const blocks = renderBlocks(content.blocks, form.ctaText);

  const body = html`<main id="${LANDING_IDS.root}" data-share-code="${data.shareCode}" data-page-key="${content.id}" data-leads-url="${urls.leads}" data-events-url="${urls.events}" data-reshare-url="${urls.reshare}" data-jssdk-url="${urls.jssdk}" data-title="${content.title}" data-summary="${description}" data-cover="${preview ?? ''}">
${renderBrandHeader(brand)}
<article>
${cover}<div class="box">
<h1>${content.title}</h1>
${content.summary ? html`<p class="sum">${content.summary}</p>\n` : ''}</div>
${sharer ? renderSharerStrip(sharer, '分享人') : ''}
${blocks.length ? html`<div class="box">\n${blocks}</div>\n` : ''}</article>
${renderLeadSection({ form, promise, action: urls.leadForm, privacyUrl: urls.privacy, optOutUrl: urls.optOut })}
${renderShareActions()}
${renderFooter(brand, { privacy: urls.privacy, optOut: urls.optOut })}
${renderCtaBar(form.ctaText, sharer)}
</main>`;

  return renderDocument({
    title: content.title,
    description,
    brand,
    og: { title: content.title, description, image: preview },
    scriptUrl: urls.script,
    body,
  });
}

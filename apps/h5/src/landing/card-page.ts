import { html, safeUrl } from './escape-html';
import { renderDocument, toDescription } from './document';
import { LANDING_IDS } from './dom-ids';
import { ICONS } from './icons';
import type { CardPageData, ContactPromise } from './landing-model';
import { renderLeadSection } from './lead-form';
import { renderThumb } from './media-image';
import { renderBrandHeader, renderCtaBar, renderFooter, renderShareActions } from './page-chrome';
import { cardSubtitle, renderAvatar, renderContactActions } from './sharer-card';
import { renderParagraphs } from './content-blocks';

/**
 * A staff member's own card (名片) as a customer opens it: who they are, how to reach them (call, WeChat, save to
 * contacts), what they recommend, and the form.
 */
export function renderCardPage(data: CardPageData): string {
  const { card, brand, form, urls } = data;
  const subtitle = cardSubtitle(card);
  const title = `${card.name}的名片`;
  const description = toDescription(card.intro || [card.name, subtitle, brand.name].filter(Boolean).join(' · '));
  const promise: ContactPromise = { sharer: card, brandName: brand.name, contactWithin: form.contactWithin };
  const vcard = safeUrl(data.vcardUrl);
  // No `download`: iOS then offers 添加到通讯录 for `text/vcard` instead of saving a file.
  const save = vcard ? html`<a class="pill" href="${vcard}">${ICONS.contact}存到通讯录</a>` : '';
  const featured = data.featured.flatMap((item) => {
    const href = safeUrl(item.href);
    if (!href) return [];
    const thumb = item.cover ? renderThumb(item.cover.url, '', { width: 96, height: 64 }, '') : '';
    return [html`<li><a href="${href}">${thumb}<span><b>${item.title}</b>${item.summary ? html`<span class="sub">${toDescription(item.summary, 40)}</span>` : ''}</span></a></li>`];
  });

  const body = html`<main id="${LANDING_IDS.root}" data-share-code="${data.shareCode}" data-page-key="${data.pageKey}" data-leads-url="${urls.leads}" data-events-url="${urls.events}" data-reshare-url="${urls.reshare}" data-jssdk-url="${urls.jssdk}" data-title="${title}" data-summary="${description}" data-cover="${card.avatarUrl ?? ''}">
${renderBrandHeader(brand)}
<section class="box" aria-labelledby="card-name">
<div class="who">${renderAvatar(card, 72)}<div><h1 id="card-name" class="name">${card.name}</h1>${subtitle ? html`<span class="sub">${subtitle}</span>` : ''}<span class="sub">${brand.name}</span></div></div>
${card.intro ? html`<div class="intro">${renderParagraphs(card.intro)}</div>\n` : ''}${renderContactActions(card, save)}
<p id="copy-status" class="sub" role="status" aria-live="polite"></p>
</section>
${featured.length ? html`<section class="box" aria-labelledby="featured-title"><h2 id="featured-title">${card.name}推荐</h2><ul class="list">${featured}</ul></section>\n` : ''}${renderLeadSection({ form, promise, action: urls.leadForm, privacyUrl: urls.privacy, optOutUrl: urls.optOut })}
${renderShareActions()}
${renderFooter(brand, { privacy: urls.privacy, optOut: urls.optOut })}
${renderCtaBar(form.ctaText, card)}
</main>`;

  return renderDocument({ title, description, brand, og: { title, description, image: card.avatarUrl ? safeUrl(card.avatarUrl) : null }, scriptUrl: urls.script, body });
}

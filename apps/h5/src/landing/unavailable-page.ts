import { API } from '@fenji/shared';
import { html, safeUrl } from './escape-html';
import { ICONS } from './icons';
import { renderDocument } from './document';
import { LANDING_IDS } from './dom-ids';
import { DEFAULT_BRAND, type ContactPromise, type UnavailablePageData } from './landing-model';
import { renderLeadSection } from './lead-form';
import { renderBrandHeader, renderFooter } from './page-chrome';
import { renderSharerStrip } from './sharer-card';

const TEXTS = {
  offline: { title: '该内容已下架', lead: '内容已更新或停止展示。有任何问题，都可以直接联系分享给您的人。' },
  unknown: { title: '链接已失效', lead: '您打开的链接不存在或已过期，可以请分享给您的人再发一次。' },
} as const;

/**
 * A taken-down content or an unknown link: never a dead end. It says what happened in plain words and, when the
 * sharer is known, shows their card (call, WeChat), a link to their card page and the form.
 */
export function renderUnavailablePage(data: UnavailablePageData): string {
  const { brand, sharer, form, urls } = data;
  const text = TEXTS[data.reason];
  const cardUrl = data.cardUrl ? safeUrl(data.cardUrl) : null;
  const promise: ContactPromise | null = form ? { sharer, brandName: brand.name, contactWithin: form.contactWithin } : null;
  const body = html`<main id="${LANDING_IDS.root}"${form ? html` data-share-code="${form.shareCode}" data-page-key="share:${form.shareCode}" data-leads-url="${urls.leads ?? API.publicLeads}" data-events-url="${urls.events ?? ''}"` : ''}>
${renderBrandHeader(brand)}
<div class="box">
<h1>${text.title}</h1>
<p class="hint">${text.lead}</p>
</div>
${sharer ? renderSharerStrip(sharer, '分享人', cardUrl ? html`<a class="pill" href="${cardUrl}">${ICONS.contact}看名片</a>` : '') : ''}
${form && promise ? renderLeadSection({ form, promise, action: urls.leadForm ?? API.landingLeadForm(form.shareCode), privacyUrl: urls.privacy, optOutUrl: urls.optOut }) : ''}
${renderFooter(brand, { privacy: urls.privacy, optOut: urls.optOut })}
</main>`;
  return renderDocument({ title: text.title, description: text.lead, brand, scriptUrl: form || sharer ? urls.script : null, body });
}

/** An unknown code (404) with nothing known about it; `renderUnavailablePage` when the share is known. */
export function renderNotFoundPage(data: Partial<UnavailablePageData> = {}): string {
  return renderUnavailablePage({
    reason: 'unknown',
    brand: DEFAULT_BRAND,
    sharer: null,
    cardUrl: null,
    form: null,
    urls: { script: null, privacy: API.privacy, optOut: API.optOutPage },
    ...data,
  });
}

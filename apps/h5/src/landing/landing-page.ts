import { LABELS, type ContentKind } from '@fenji/shared';
import { html, safeUrl, type SafeHtml } from './escape-html';
import { renderDocument, toDescription } from './document';
import { LANDING_IDS } from './dom-ids';
import { renderLeadSection } from './lead-form';

export interface LandingPageData {
  shareCode: string;
  content: { kind: ContentKind; title: string; summary: string; body: string; coverUrl: string | null };
  staffName: string;
  scriptUrl: string;
  privacyUrl: string;
  /** No-JS form post target (urlencoded). */
  leadFormAction: string;
  /** JSON endpoints used by the client script. */
  eventsUrl: string;
  leadsUrl: string;
  reshareUrl: string;
}

/** HQ writes plain text: every non-empty line is a paragraph. Never HTML. */
export function renderParagraphs(text: string): SafeHtml[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => html`<p>${line}</p>\n`);
}

/** The page a customer opens from a share: content first, then the lead form. */
export function renderLandingPage(data: LandingPageData): string {
  const { content } = data;
  const coverUrl = content.coverUrl ? safeUrl(content.coverUrl) : null;
  const description = toDescription(content.summary || content.body || content.title);

  // The cover is the first visual of the page: load it eagerly; its box is reserved (width/height + aspect-ratio).
  const cover = coverUrl
    ? html`<img class="cover" src="${coverUrl}" alt="" width="1200" height="675" decoding="async" fetchpriority="high">\n`
    : '';

  const body = html`<main id="${LANDING_IDS.root}" data-share-code="${data.shareCode}" data-leads-url="${data.leadsUrl}" data-events-url="${data.eventsUrl}" data-reshare-url="${data.reshareUrl}" data-title="${content.title}">
<article>
<p class="kind">${LABELS.contentKind[content.kind]}</p>
<h1>${content.title}</h1>
${cover}${content.summary ? html`<p class="summary">${content.summary}</p>\n` : ''}<div class="body">
${renderParagraphs(content.body)}</div>
<p class="by">由 ${data.staffName} 分享</p>
<button type="button" id="${LANDING_IDS.reshare}" class="secondary" hidden>分享给朋友</button>
<p id="${LANDING_IDS.reshareStatus}" role="status" aria-live="polite"></p>
</article>
${renderLeadSection({ shareCode: data.shareCode, action: data.leadFormAction, privacyUrl: data.privacyUrl })}
<footer><a href="${data.privacyUrl}">隐私政策</a></footer>
</main>`;

  return renderDocument({
    title: content.title,
    description,
    og: { title: content.title, description, image: coverUrl },
    scriptUrl: data.scriptUrl,
    body,
  });
}

/**
 * Server-side rendering of the customer landing pages: pure functions returning complete HTML strings.
 * Used by the API (CommonJS) as `@fenji/h5/landing`; no React, no DOM.
 */
export { renderLandingPage, type LandingPageData } from './landing-page';
export { renderNotFoundPage } from './not-found-page';
export { renderPrivacyPage } from './privacy-page';
export { renderLeadResultPage, type LeadResult } from './lead-result-page';
export { escapeHtml } from './escape-html';

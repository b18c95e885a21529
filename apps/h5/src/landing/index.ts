/**
 * Server-side rendering of the customer landing pages: pure functions returning complete HTML strings.
 * Used by the API (CommonJS) as `@fenji/h5/landing`; no React, no DOM. The models (what the API supplies per
 * page) are in `landing-model.ts`.
 */
export { renderLandingPage } from './landing-page';
export { renderCardPage } from './card-page';
export { renderUnavailablePage, renderNotFoundPage } from './unavailable-page';
export { renderLeadResultPage, type LeadResult } from './lead-result-page';
export { renderPrivacyPage, DEFAULT_RETENTION, type PrivacyNoticeData, type RetentionPeriods } from './privacy-page';
export { renderOptOutPage, type OptOutPageData, type OptOutStep } from './opt-out-page';
export { renderPrivacyRequestPage, type PrivacyRequestPageData, type PrivacyRequestStep } from './privacy-request-page';
export { renderVCard } from './vcard';
export { escapeHtml } from './escape-html';
export {
  DEFAULT_BRAND,
  DEFAULT_CONTACT_WITHIN,
  DEFAULT_CTA_TEXT,
  DEFAULT_FORM_FIELDS,
  landingUrls,
  leadFormModel,
  privacyUrl,
  type CardPageData,
  type ContactPromise,
  type FeaturedContent,
  type LandingContent,
  type LandingImage,
  type LandingPageData,
  type LandingUrls,
  type LeadFormModel,
  type UnavailablePageData,
} from './landing-model';

import {
  API,
  BRAND,
  PRIVACY_NOTICE_VERSION,
  type BrandSettings,
  type ContentBlock,
  type ExtraFormField,
  type PublicCard,
} from '@fenji/shared';

/**
 * The render models: everything the API must supply to render each customer page. Pure data, no behaviour;
 * every string is escaped by the renderers. Shared shapes come from `@fenji/shared` (blocks, card, brand).
 */

/** An image with its intrinsic size (uploads answer `{ url, width, height }`); `/media/…` URLs get a srcset. */
export interface LandingImage {
  url: string;
  width: number;
  height: number;
  /** Empty for a decorative image. */
  alt: string;
}

/** The content as a customer sees it: no kind label, no status, nothing internal. */
export interface LandingContent {
  /** Keys the returning visitor's greeting (the content id). */
  id: string;
  title: string;
  summary: string;
  cover: LandingImage | null;
  blocks: readonly ContentBlock[];
}

/** What the lead form asks and says; the same on the content landing, the card landing and the no-JS pages. */
export interface LeadFormModel {
  shareCode: string;
  /** The button and the form's heading, in the content's words (`CTA_PRESETS`, or HQ's own, `ctaTextSchema`). Never 提交. */
  ctaText: string;
  /** Optional fields HQ picked for this content, in order (`EXTRA_FORM_FIELDS`); name and phone are always asked. */
  fields: readonly ExtraFormField[];
  /** The privacy notice version shown next to the consent box; posted with the lead. */
  privacyVersion: string;
  /** When the sharer will get in touch, as a customer reads it: `1 个工作日内`. */
  contactWithin: string;
}

/** Same-origin URLs of one share's pages and the public API; `landingUrls(code, script)` makes the defaults. */
export interface LandingUrls {
  /** The progressive-enhancement script (content-hashed); null renders a page without it. */
  script: string | null;
  /** The privacy notice, versioned (`/privacy?v=2026-12-01`). */
  privacy: string;
  /** 不再联系 for anyone (phone + SMS code). */
  optOut: string;
  /** The no-JS form post (urlencoded). */
  leadForm: string;
  leads: string;
  events: string;
  reshare: string;
  jssdk: string;
}

interface SharePageBase {
  shareCode: string;
  brand: BrandSettings;
  form: LeadFormModel;
  urls: LandingUrls;
}

/** `GET /s/:code` of a content share. `sharer` is null only when the staff member no longer exists. */
export interface LandingPageData extends SharePageBase {
  content: LandingContent;
  sharer: PublicCard | null;
}

/** A content on a card page (the staff member's featured contents), linking to that content's share. */
export interface FeaturedContent {
  title: string;
  summary: string;
  cover: LandingImage | null;
  href: string;
}

/** `GET /s/:code` of a card share: the staff member's own card. */
export interface CardPageData extends SharePageBase {
  /** Keys the returning visitor's greeting: `card:<staffId>`. */
  pageKey: string;
  card: PublicCard;
  featured: readonly FeaturedContent[];
  /** `GET /s/:code/contact.vcf` (see `renderVCard`). */
  vcardUrl: string;
}

/**
 * A share whose content was taken down (`offline`: the sharer is known, and the form can still reach them) or a
 * code that leads nowhere (`unknown`). Served with 404 (`unknown`) or 410 (`offline`).
 */
export interface UnavailablePageData {
  reason: 'offline' | 'unknown';
  brand: BrandSettings;
  sharer: PublicCard | null;
  /** The sharer's card landing, when the API can make one. */
  cardUrl: string | null;
  /** The lead form, for an offline content's share (the share still attributes the lead). */
  form: LeadFormModel | null;
  urls: Pick<LandingUrls, 'script' | 'privacy' | 'optOut'> & Partial<LandingUrls>;
}

/** Which contact details the confirmation names: the sharer, or the brand when the sharer is unknown. */
export interface ContactPromise {
  sharer: PublicCard | null;
  brandName: string;
  contactWithin: string;
}

export const DEFAULT_CTA_TEXT = '免费咨询';
export const DEFAULT_CONTACT_WITHIN = '1 个工作日内';
export const DEFAULT_FORM_FIELDS: readonly ExtraFormField[] = ['message'];

/** HQ's brand as customers see it, or the defaults from `BRAND`. */
export const DEFAULT_BRAND: BrandSettings = { name: BRAND.name, logoUrl: null, colorPrimary: BRAND.colorPrimary };

/** The privacy notice URL of a version (the page shows that version; the consent stores it). */
export const privacyUrl = (version: string): string => `${API.privacy}?v=${encodeURIComponent(version)}`;

/** The URLs of a share's page, from the shared API map. */
export function landingUrls(shareCode: string, script: string | null, version = PRIVACY_NOTICE_VERSION): LandingUrls {
  return {
    script,
    privacy: privacyUrl(version),
    optOut: API.optOutPage,
    leadForm: API.landingLeadForm(shareCode),
    leads: API.publicLeads,
    events: API.publicEvents,
    reshare: API.reshare(shareCode),
    jssdk: API.wechatJssdk,
  };
}

/** A lead form with the defaults (HQ's per-content choices replace them). */
export function leadFormModel(shareCode: string, overrides: Partial<Omit<LeadFormModel, 'shareCode'>> = {}): LeadFormModel {
  return {
    shareCode,
    ctaText: DEFAULT_CTA_TEXT,
    fields: DEFAULT_FORM_FIELDS,
    privacyVersion: PRIVACY_NOTICE_VERSION,
    contactWithin: DEFAULT_CONTACT_WITHIN,
    ...overrides,
  };
}

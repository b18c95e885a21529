import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import {
  DEFAULT_FORM_FIELDS,
  landingUrls,
  leadFormModel,
  renderCardPage,
  renderLandingPage,
  renderLeadResultPage,
  renderNotFoundPage,
  renderPrivacyPage,
  renderUnavailablePage,
  renderVCard,
  type LandingImage,
  type LeadFormModel,
} from '@fenji/h5/landing';
import { API, PRIVACY_NOTICE_VERSION, type Card, type ContentPreviewRequest, type PublicCard } from '@fenji/shared';
import { PrivacyNoticeService } from '../privacy/privacy-notice.service';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { BrandSettingsService, type PageBrand } from '../brand/brand-settings.service';
import { CardService } from '../card/card.service';
import { toPublicCard } from '../card/card.mapper';
import { ContentEvents } from '../content/content-events';
import type { ContentEntity } from '../content/content.entity';
import { blocksOf, formFieldsOf } from '../content/content.mapper';
import { ContentService } from '../content/content.service';
import { MediaService } from '../media/media.service';
import type { ShareEntity } from '../share/share.entity';
import { ShareService } from '../share/share.service';

const LANDING_SCRIPT = '/static/landing/landing.js';
const CACHE_LIMIT = 5_000;
const UNKNOWN_CODE_SECONDS = 5;
/** An external cover without a known size is drawn in a 16:9 box. */
const DEFAULT_COVER = { width: 1200, height: 675 };

export interface RenderedShare {
  share: ShareEntity;
  /** 200, or 410 for a share whose content was taken down (the page still shows the sharer's card and form). */
  status: 200 | 410;
  /** UTF-8 bytes of the page, encoded once rather than per request. */
  html: Buffer;
  /** The same, gzipped once: phones on weak networks get the small one. */
  gzip: Buffer;
  /** Who the confirmation after a no-JS submission names, and the card's vCard. */
  sharer: PublicCard | null;
  brand: PageBrand;
}

/** The script's URL with a content hash, so it can be cached for a year and still change with a deploy. */
function versionedScriptUrl(assetsDir: string): string {
  try {
    const hash = createHash('sha256').update(readFileSync(join(assetsDir, 'landing.js'))).digest('hex').slice(0, 10);
    return `${LANDING_SCRIPT}?v=${hash}`;
  } catch {
    return LANDING_SCRIPT; // not built (some tests): the page still works without it
  }
}

/**
 * What a share renders to is the same for every visitor, so it is rendered once and kept for
 * LANDING_CACHE_SECONDS: a page view costs no query. Edits in this process (the content, the sharer's card, the
 * brand) drop the entries they touch at once; other API processes pick them up when their entry expires.
 */
@Injectable()
export class LandingService {
  /** Rendered pages, the CACHE_LIMIT most recently viewed, each for LANDING_CACHE_SECONDS (0: none kept). */
  private readonly cache: LRUCache<string, RenderedShare> | null;
  /** Codes just found unknown: a burst of bad links does not become a burst of queries. */
  private readonly unknown = new LRUCache<string, true>({ max: CACHE_LIMIT, ttl: UNKNOWN_CODE_SECONDS * 1000 });
  private readonly notFound = renderNotFoundPage();
  private readonly scriptUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(CardService) private readonly cards: CardService,
    @Inject(BrandSettingsService) private readonly brands: BrandSettingsService,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(ContentEvents) contentEvents: ContentEvents,
    @Inject(PrivacyNoticeService) private readonly notice: PrivacyNoticeService,
  ) {
    this.scriptUrl = versionedScriptUrl(config.staticDirs.landingAssets);
    this.cache = config.landingCacheSeconds ? new LRUCache({ max: CACHE_LIMIT, ttl: config.landingCacheSeconds * 1000 }) : null;
    const drop = (matches: (entry: RenderedShare) => boolean) => {
      const cache = this.cache;
      if (!cache) return;
      for (const [code, entry] of [...cache.entries()]) if (matches(entry)) cache.delete(code);
    };
    // A card page lists featured contents, so a content change drops card pages too.
    contentEvents.onChanged((contentId) => drop((e) => e.share.contentId === contentId || e.share.contentId === null));
    cards.onChanged((staffId) => drop((e) => e.share.staffId === staffId));
    brands.onChanged(() => this.cache?.clear());
  }

  /** The rendered page of a share, or null when the code is unknown. */
  async render(code: string): Promise<RenderedShare | null> {
    const hit = this.cache?.get(code);
    if (hit) return hit;
    if (this.unknown.has(code)) return null;
    const share = await this.shares.findByCode(code);
    if (!share) {
      this.unknown.set(code, true);
      return null;
    }
    const [card, brand, content] = await Promise.all([this.cards.cardOf(share.staffId), this.brands.forPages(), share.contentId ? this.contents.find(share.contentId) : null]);
    const sharer = card ? toPublicCard(card) : null;
    let page: string;
    let status: 200 | 410 = 200;
    if (!share.contentId && card) {
      page = await this.cardPage(share, card, brand);
    } else if (content && content.status === 'published') {
      page = renderLandingPage({
        shareCode: share.code,
        content: { id: content.id, title: content.title, summary: content.summary, cover: await this.image(content.coverUrl, ''), blocks: blocksOf(content) },
        sharer,
        brand: brand.brand,
        form: this.form(share.code, brand, content),
        urls: landingUrls(share.code, this.scriptUrl),
      });
    } else {
      // Taken down (or its content or member is gone): the sharer's card and the form, never a dead end.
      status = 410;
      page = renderUnavailablePage({
        reason: 'offline',
        brand: brand.brand,
        sharer,
        cardUrl: null,
        form: sharer ? this.form(share.code, brand, null) : null,
        urls: landingUrls(share.code, this.scriptUrl),
      });
    }
    const html = Buffer.from(page);
    const entry: RenderedShare = { share, status, html, sharer, brand, gzip: gzipSync(html, { level: 9 }) };
    this.cache?.set(code, entry);
    return entry;
  }

  /** The sharer's card as a vCard (card shares and content shares alike); null for an unknown code. */
  async vcard(code: string): Promise<string | null> {
    const rendered = await this.render(code);
    return rendered?.sharer ? renderVCard(rendered.sharer, rendered.brand.brand) : null;
  }

  /**
   * An unsaved draft as customers would see it, with a member's card (or a sample sharer), without the script: the
   * console shows it in a sandboxed iframe, where the form cannot be sent.
   */
  async preview(draft: ContentPreviewRequest): Promise<string> {
    const code = 'preview0';
    const [brand, card] = await Promise.all([this.brands.forPages(), draft.asStaffId ? this.cards.cardOf(draft.asStaffId) : null]);
    const blocks = draft.blocks ?? blocksOf({ blocks: null, body: draft.body ?? '' });
    const sharer: PublicCard = card
      ? toPublicCard(card)
      : { name: '示例员工', title: '顾问', branchName: null, avatarUrl: null, intro: '', phone: null, wechatId: null };
    const pseudo = { ctaText: draft.ctaText ?? null, formFields: draft.formFields ? draft.formFields.join(',') : null } as ContentEntity;
    return renderLandingPage({
      shareCode: code,
      content: { id: 'preview', title: draft.title, summary: draft.summary ?? '', cover: await this.image(draft.coverUrl ?? null, ''), blocks },
      sharer,
      brand: brand.brand,
      form: this.form(code, brand, pseudo),
      urls: landingUrls(code, null),
    });
  }

  notFoundPage(): string {
    return this.notFound;
  }

  /** The privacy notice with HQ's brand. Only the current version's text exists; it names its version. */
  async privacyPage(): Promise<string> {
    const { brand } = await this.brands.forPages();
    return renderPrivacyPage({ version: PRIVACY_NOTICE_VERSION, brand, optOutUrl: API.optOutPage, retention: this.notice.retention });
  }

  async thanksPage(code: string): Promise<string> {
    const rendered = code ? await this.render(code).catch(() => null) : null;
    return renderLeadResultPage({ ok: true, backUrl: `/s/${code}`, sharer: rendered?.sharer ?? null });
  }

  failedPage(code: string, message: string, values: Record<string, string | undefined>): string {
    return renderLeadResultPage({ ok: false, message, backUrl: `/s/${code}`, values, shareCode: code, leadFormAction: API.landingLeadForm(code) });
  }

  /** The form in the content's words (a card page, or a taken-down content: the defaults). */
  private form(shareCode: string, brand: PageBrand, content: ContentEntity | null): LeadFormModel {
    return leadFormModel(shareCode, {
      ...(content?.ctaText ? { ctaText: content.ctaText } : {}),
      fields: (content && formFieldsOf(content)) ?? DEFAULT_FORM_FIELDS,
      contactWithin: brand.contactWithin,
    });
  }

  private async cardPage(share: ShareEntity, card: Card, brand: PageBrand): Promise<string> {
    const featured = await this.cards.featuredOf(card);
    return renderCardPage({
      shareCode: share.code,
      pageKey: `card:${card.staffId}`,
      card: toPublicCard(card),
      featured: await Promise.all(
        featured.map(async (c) => ({ title: c.title, summary: c.summary, cover: await this.image(c.coverUrl, ''), href: API.landingFeatured(share.code, c.id) })),
      ),
      vcardUrl: API.landingVcard(share.code),
      brand: brand.brand,
      form: this.form(share.code, brand, null),
      urls: landingUrls(share.code, this.scriptUrl),
    });
  }

  /** An image with its size: an upload's stored size, or a 16:9 box for an external URL. */
  private async image(url: string | null, alt: string): Promise<LandingImage | null> {
    if (!url) return null;
    const size = (await this.media.imageSize(url).catch(() => null)) ?? DEFAULT_COVER;
    return { url, alt, ...size };
  }
}

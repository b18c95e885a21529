import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_BRAND, landingUrls, leadFormModel, renderLandingPage, renderLeadResultPage, renderNotFoundPage, renderPrivacyPage } from '@fenji/h5/landing';
import { API, PRIVACY_NOTICE_VERSION, type PublicCard } from '@fenji/shared';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { ContentEvents } from '../content/content-events';
import { ContentRepository } from '../content/content.repository';
import { StaffRepository } from '../org/staff.repository';
import type { ShareEntity } from '../share/share.entity';
import { ShareService } from '../share/share.service';

const LANDING_SCRIPT = '/static/landing/landing.js';
const CACHE_LIMIT = 5_000;
const UNKNOWN_CODE_SECONDS = 5;

export interface RenderedShare {
  share: ShareEntity;
  /** UTF-8 bytes of the page, encoded once rather than per request. */
  html: Buffer;
  /** The same, gzipped once: phones on weak networks get the small one. */
  gzip: Buffer;
  /** Who the confirmation after a no-JS submission names. */
  sharer: PublicCard | null;
  expiresAt: number;
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
 * LANDING_CACHE_SECONDS: a page view costs no query. Edits in this process drop the entry at once;
 * other API processes pick them up when their entry expires.
 */
@Injectable()
export class LandingService {
  private readonly cache = new Map<string, RenderedShare>();
  /** Codes just found unknown: a burst of bad links does not become a burst of queries. */
  private readonly unknown = new Map<string, number>();
  private readonly notFound = renderNotFoundPage();
  private readonly privacy = renderPrivacyPage(PRIVACY_NOTICE_VERSION);
  private readonly scriptUrl: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(ContentEvents) contentEvents: ContentEvents,
  ) {
    this.scriptUrl = versionedScriptUrl(config.staticDirs.landingAssets);
    contentEvents.onChanged((contentId) => {
      for (const [code, entry] of this.cache) if (entry.share.contentId === contentId) this.cache.delete(code);
    });
  }

  /** The rendered page of a share, or null when the code is unknown or its content is withdrawn. */
  async render(code: string, now = Date.now()): Promise<RenderedShare | null> {
    const hit = this.cache.get(code);
    if (hit && hit.expiresAt > now) return hit;
    const missUntil = this.unknown.get(code);
    if (missUntil !== undefined && missUntil > now) return null;
    const share = await this.shares.findByCode(code);
    if (!share) {
      if (this.unknown.size >= CACHE_LIMIT) this.unknown.clear();
      this.unknown.set(code, now + UNKNOWN_CODE_SECONDS * 1000);
      return null;
    }
    const [content, staff] = await Promise.all([this.contents.findById(share.contentId), this.staff.findById(share.staffId)]);
    if (!content || !content.published) {
      this.cache.delete(code);
      return null;
    }
    // Until cards, brand settings and content blocks are stored: the staff member's name, the default brand,
    // the body as one text block, the cover in a 16:9 box.
    const sharer: PublicCard | null = staff ? { name: staff.name, title: '', branchName: null, avatarUrl: null, intro: '', phone: null, wechatId: null } : null;
    const html = Buffer.from(renderLandingPage({
      shareCode: share.code,
      content: {
        id: content.id,
        title: content.title,
        summary: content.summary,
        cover: content.coverUrl ? { url: content.coverUrl, width: 1200, height: 675, alt: '' } : null,
        blocks: content.body.trim() ? [{ type: 'text', text: content.body }] : [],
      },
      sharer,
      brand: DEFAULT_BRAND,
      form: leadFormModel(share.code),
      urls: landingUrls(share.code, this.scriptUrl),
    }));
    const entry = { share, html, sharer, gzip: gzipSync(html, { level: 9 }), expiresAt: now + this.config.landingCacheSeconds * 1000 };
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(code, entry);
    return entry;
  }

  notFoundPage(): string {
    return this.notFound;
  }

  privacyPage(): string {
    return this.privacy;
  }

  thanksPage(code: string): string {
    return renderLeadResultPage({ ok: true, backUrl: `/s/${code}`, sharer: this.cache.get(code)?.sharer ?? null });
  }

  failedPage(code: string, message: string, values: { name?: string; phone?: string; message?: string }): string {
    return renderLeadResultPage({ ok: false, message, backUrl: `/s/${code}`, values, shareCode: code, leadFormAction: API.landingLeadForm(code) });
  }
}

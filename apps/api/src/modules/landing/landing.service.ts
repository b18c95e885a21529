import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DEFAULT_BRAND, landingUrls, leadFormModel, renderLandingPage, renderLeadResultPage, renderNotFoundPage } from '@fenji/h5/landing';
import { API, type PublicCard } from '@fenji/shared';
import { PrivacyNoticeService } from '../privacy/privacy-notice.service';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { ContentEvents } from '../content/content-events';
import { ContentService } from '../content/content.service';
import { OrgService } from '../org/org.service';
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
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(ContentEvents) contentEvents: ContentEvents,
    @Inject(PrivacyNoticeService) private readonly notice: PrivacyNoticeService,
  ) {
    this.scriptUrl = versionedScriptUrl(config.staticDirs.landingAssets);
    this.cache = config.landingCacheSeconds ? new LRUCache({ max: CACHE_LIMIT, ttl: config.landingCacheSeconds * 1000 }) : null;
    contentEvents.onChanged((contentId) => {
      const cache = this.cache;
      if (!cache) return;
      for (const [code, entry] of [...cache.entries()]) if (entry.share.contentId === contentId) cache.delete(code);
    });
  }

  /** The rendered page of a share, or null when the code is unknown or its content is withdrawn. */
  async render(code: string): Promise<RenderedShare | null> {
    const hit = this.cache?.get(code);
    if (hit) return hit;
    if (this.unknown.has(code)) return null;
    const share = await this.shares.findByCode(code);
    if (!share) {
      this.unknown.set(code, true);
      return null;
    }
    const [content, staff] = await Promise.all([this.contents.find(share.contentId), this.org.staffById(share.staffId)]);
    if (!content || !content.published) {
      this.cache?.delete(code);
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
    const entry = { share, html, sharer, gzip: gzipSync(html, { level: 9 }) };
    this.cache?.set(code, entry);
    return entry;
  }

  notFoundPage(): string {
    return this.notFound;
  }

  privacyPage(): string {
    return this.notice.html;
  }

  thanksPage(code: string): string {
    return renderLeadResultPage({ ok: true, backUrl: `/s/${code}`, sharer: this.cache?.get(code)?.sharer ?? null });
  }

  failedPage(code: string, message: string, values: { name?: string; phone?: string; message?: string }): string {
    return renderLeadResultPage({ ok: false, message, backUrl: `/s/${code}`, values, shareCode: code, leadFormAction: API.landingLeadForm(code) });
  }
}

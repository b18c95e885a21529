import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { parseMediaUrl } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { SharedCache } from '../../core/coordination/shared-cache';
import { AppException } from '../../core/errors/app.exception';
import { WechatClient } from '../../core/wechat/wechat.client';
import { BrandSettingsService } from '../brand/brand-settings.service';
import { CardService } from '../card/card.service';
import { ContentService } from '../content/content.service';
import { MediaService } from '../media/media.service';
import { OrgService } from '../org/org.service';
import { ShareService } from '../share/share.service';
import { POSTER, posterSvg, wrapTitle } from './poster-layout';

/** The staff app's no-login share view, which a mini-program code opens with `scene` = the share code. */
export const WXACODE_PAGE = 'packages/share/pages/view/index';
/** A share's mini-program code never changes: kept a week in the SharedCache (WeChat counts these calls). */
const WXACODE_TTL_MS = 7 * 24 * 3600 * 1000;

const notFound = () => AppException.notFound('SHARE_NOT_FOUND', '分享不存在');

/**
 * `GET /api/shares/:code/poster.png`: a poster of a share for the staff member to save and post: the brand, the
 * cover, the title, who shares it, and a code that opens the share (a QR code of its URL, or with `wxacode` and
 * the mini-program configured, the mini-program code with `scene` = the share code).
 */
@Injectable()
export class PosterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(CardService) private readonly cards: CardService,
    @Inject(BrandSettingsService) private readonly brands: BrandSettingsService,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(SharedCache) private readonly cache: SharedCache,
  ) {}

  async poster(actor: AuthUser, code: string, wxacode: boolean): Promise<Buffer> {
    const share = await this.shares.findByCode(code);
    if (!share || share.sharerVisitorId) throw notFound();
    const staff = await this.org.staffById(share.staffId);
    // The share's member, their branch's manager, HQ; anyone else is told it does not exist.
    const allowed = actor.id === share.staffId || actor.role === 'hq_admin' || (actor.role === 'branch_manager' && !!staff?.branchId && staff.branchId === actor.branchId);
    if (!staff || !allowed) throw notFound();
    const [card, brand, content] = await Promise.all([this.cards.cardOf(staff.id), this.brands.forPages(), share.contentId ? this.contents.find(share.contentId) : null]);
    if (share.contentId && (!content || content.status !== 'published')) throw AppException.notFound('CONTENT_NOT_FOUND', '内容已下架，无法生成海报');
    const url = this.shares.urlFor(share.code);
    const useWxacode = wxacode && Boolean(this.config.wechat.appId && this.config.wechat.appSecret);
    const [codeImage, cover, photo] = await Promise.all([
      useWxacode ? this.wxacode(share.code) : this.qr(url),
      this.cover(content?.coverUrl ?? null),
      this.photo(card?.avatarUrl ?? null),
    ]);
    const svg = posterSvg({
      brandName: brand.brand.name,
      color: brand.brand.colorPrimary,
      title: content ? content.title : `${staff.name}的名片`,
      summary: content ? content.summary : (card?.intro ?? ''),
      sharerName: staff.name,
      sharerLines: [card?.title, card?.branchName].filter((l): l is string => Boolean(l)).flatMap((l) => wrapTitle(l, 8, 1)),
      hasCover: Boolean(cover),
      codeHint: useWxacode ? '微信扫码或长按识别小程序码' : '微信扫码或长按识别二维码',
    });
    const layers: sharp.OverlayOptions[] = [
      { input: await sharp(codeImage).resize(POSTER.code.size, POSTER.code.size, { fit: 'contain', background: '#ffffff' }).png().toBuffer(), left: POSTER.code.left, top: POSTER.code.top - 10 },
    ];
    if (cover) layers.unshift({ input: cover, left: 0, top: POSTER.cover.top });
    if (photo) layers.push({ input: photo, left: POSTER.photo.left, top: POSTER.photo.top });
    return sharp(Buffer.from(svg)).composite(layers).png({ compressionLevel: 8 }).toBuffer();
  }

  private qr(url: string): Promise<Buffer> {
    return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: POSTER.code.size });
  }

  private async wxacode(code: string): Promise<Buffer> {
    const key = `wechat:wxacode:${code}`;
    const hit = await this.cache.get(key);
    if (hit) return Buffer.from(hit, 'base64');
    const png = await this.wechat.wxacodeUnlimited(code, WXACODE_PAGE);
    await this.cache.set(key, png.toString('base64'), WXACODE_TTL_MS);
    return png;
  }

  /** The sharer's uploaded photo as a round badge over their initial; none for an external image (never fetched). */
  private async photo(url: string | null): Promise<Buffer | null> {
    const media = url ? parseMediaUrl(url) : null;
    if (!media) return null;
    const file = await this.media.read(media.id, `${media.width}.jpg`);
    if (!file) return null;
    const size = POSTER.photo.size;
    const round = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="#fff"/></svg>`);
    return sharp(file.body).resize(size, size, { fit: 'cover' }).composite([{ input: round, blend: 'dest-in' }]).png().toBuffer();
  }

  /** An uploaded cover, cropped to the poster's cover box; none for an external image (never fetched). */
  private async cover(url: string | null): Promise<Buffer | null> {
    const media = url ? parseMediaUrl(url) : null;
    if (!media) return null;
    const file = await this.media.read(media.id, `${media.width}.jpg`);
    return file ? sharp(file.body).resize(POSTER.width, POSTER.cover.height, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer() : null;
  }
}

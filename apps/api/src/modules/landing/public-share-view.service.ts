import { Inject, Injectable } from '@nestjs/common';
import type { PublicShareView } from '@fenji/shared';
import { AppException } from '../../core/errors/app.exception';
import { CardService } from '../card/card.service';
import { toPublicCard } from '../card/card.mapper';
import { ContentService } from '../content/content.service';
import { ShareService } from '../share/share.service';
import { VisitService } from '../visit/visit.service';

const notFound = () => AppException.notFound('SHARE_NOT_FOUND', '分享不存在');

/** `GET /api/public/shares/:code`: the staff app's no-login view of a share (content or card), a view recorded. */
@Injectable()
export class PublicShareViewService {
  constructor(
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(CardService) private readonly cards: CardService,
    @Inject(VisitService) private readonly visits: VisitService,
  ) {}

  async view(code: string, visitorId: string | null, ip: string): Promise<PublicShareView> {
    const share = await this.shares.findByCode(code);
    if (!share) throw notFound();
    const [card, content] = await Promise.all([this.cards.cardOf(share.staffId), share.contentId ? this.contents.find(share.contentId) : null]);
    if (!card) throw notFound();
    if (share.contentId && (!content || content.status !== 'published')) throw AppException.notFound('CONTENT_NOT_FOUND', '该内容已下架');
    if (visitorId) this.visits.record({ shareId: share.id, staffId: share.staffId, visitorId, type: 'view' }, ip);
    return {
      code: share.code,
      url: this.shares.urlFor(share.code),
      channel: share.channel,
      subject: content ? 'content' : 'card',
      content: content ? { kind: content.kind, title: content.title, summary: content.summary, body: content.body, coverUrl: content.coverUrl } : null,
      sharer: toPublicCard(card),
    };
  }
}

import { Module } from '@nestjs/common';
import { BrandModule } from '../brand/brand.module';
import { CardModule } from '../card/card.module';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { MediaModule } from '../media/media.module';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ShareModule } from '../share/share.module';
import { VisitModule } from '../visit/visit.module';
import { ContentPreviewController } from './content-preview.controller';
import { LandingController } from './landing.controller';
import { LandingService } from './landing.service';
import { OptOutController } from './opt-out/opt-out.controller';
import { OptOutEntity } from './opt-out/opt-out.entity';
import { OptOutService } from './opt-out/opt-out.service';
import { PublicEventsController } from './public-share.controller';
import { PublicShareViewService } from './public-share-view.service';
import { WechatOauthService } from './wechat-oauth.service';
import { VisitorWechatEntity } from './wechat-visitor.entity';

export const LANDING_ENTITIES = [OptOutEntity, VisitorWechatEntity];

/**
 * The customer's pages and their public API: landing pages (content, card, unavailable), the vCard, the privacy
 * notice, 不再联系, beacons, WeChat's JS-SDK signature and web OAuth, the no-login share view, the console's preview.
 */
@Module({
  imports: [ContentModule, ShareModule, OrgModule, CardModule, BrandModule, MediaModule, VisitModule, LeadModule, PrivacyModule],
  controllers: [LandingController, PublicEventsController, OptOutController, ContentPreviewController],
  providers: [LandingService, OptOutService, PublicShareViewService, WechatOauthService],
  exports: [OptOutService],
})
export class LandingModule {}

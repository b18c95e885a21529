import { AuditLogEntity } from './core/audit/audit-log.entity';
import { RefreshTokenEntity } from './core/auth/refresh-token.entity';
import type { Schema } from './core/database/data-source';
import { MIGRATIONS } from './core/database/migrations';
import { RateLimitEntity } from './core/rate-limit/rate-limit.entity';
import { ANALYTICS_ENTITIES } from './modules/analytics/analytics.module';
import { BRAND_ENTITIES } from './modules/brand/brand.module';
import { CARD_ENTITIES } from './modules/card/card.module';
import { CONTENT_ENTITIES } from './modules/content/content.module';
import { LANDING_ENTITIES } from './modules/landing/landing.module';
import { LEAD_ENTITIES } from './modules/lead/lead.module';
import { ORG_ENTITIES } from './modules/org/org.module';
import { PRIVACY_ENTITIES } from './modules/privacy/privacy.module';
import { SHARE_ENTITIES } from './modules/share/share.module';
import { VISIT_ENTITIES } from './modules/visit/visit.module';

/**
 * Every table the API maps, each listed by the part that owns it, and the migrations in order: assembled here,
 * above core and the modules, so that core's database module imports no module.
 */
export const SCHEMA: Schema = {
  entities: [RefreshTokenEntity, RateLimitEntity, AuditLogEntity, ...ORG_ENTITIES, ...CONTENT_ENTITIES, ...SHARE_ENTITIES, ...VISIT_ENTITIES, ...LEAD_ENTITIES, ...CARD_ENTITIES, ...BRAND_ENTITIES, ...LANDING_ENTITIES, ...ANALYTICS_ENTITIES, ...PRIVACY_ENTITIES],
  migrations: MIGRATIONS,
};

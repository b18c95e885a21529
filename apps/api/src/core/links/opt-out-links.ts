import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { API, normalizePhone } from '@fenji/shared';
import { SealedTokens } from '../auth/sealed-token';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** How long the submitter's own 不再联系 link works. */
const LINK_TTL_MS = 365 * 24 * 3600 * 1000;

/**
 * The signed 不再联系 link a customer gets with an accepted lead (`optOutUrl` in the 201): `/opt-out?t=<token>`,
 * the token sealed (the phone it names is unreadable in the URL) and valid for a year.
 */
@Injectable()
export class OptOutLinks {
  private readonly tokens: SealedTokens;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.tokens = new SealedTokens(config.jwtSecret, 'opt-out-link');
  }

  urlFor(phone: string): string {
    const p = normalizePhone(phone) ?? phone;
    return `${API.optOutPage}?t=${this.tokens.seal({ p }, LINK_TTL_MS)}`;
  }

  /** The phone a token names, or null (malformed, forged, expired). */
  phoneOf(token: string): string | null {
    const payload = this.tokens.open<{ p?: unknown }>(token);
    return typeof payload?.p === 'string' ? normalizePhone(payload.p) : null;
  }
}

@Global()
@Module({ providers: [OptOutLinks], exports: [OptOutLinks] })
export class LinksModule {}

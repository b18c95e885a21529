import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DownloadPurpose, DownloadTicketResponse } from '@fenji/shared';
import { SharedCache } from '../coordination/shared-cache';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';

const TICKET_TTL_MS = 60_000;
const PREFIX = 'download-ticket:';

/**
 * One-time download tickets: a browser download cannot carry the Authorization header, so a signed-in user asks
 * for a ticket (60 s, bound to them and a purpose) and the download URL carries it. Kept in the SharedCache port,
 * so any API process redeems it; redeeming deletes it. The user is re-read at redemption (disabled: refused).
 */
@Injectable()
export class DownloadTicketService {
  constructor(
    @Inject(SharedCache) private readonly cache: SharedCache,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async issue(user: AuthUser, purpose: DownloadPurpose, now = new Date()): Promise<DownloadTicketResponse> {
    const ticket = randomBytes(24).toString('base64url');
    await this.cache.set(PREFIX + ticket, JSON.stringify({ staffId: user.id, purpose }), TICKET_TTL_MS);
    return { ticket, expiresAt: new Date(now.getTime() + TICKET_TTL_MS).toISOString() };
  }

  /** The user a ticket was issued to, once; null for an unknown, used, expired or other-purpose ticket. */
  async redeem(ticket: string, purpose: DownloadPurpose): Promise<AuthUser | null> {
    if (!/^[0-9A-Za-z_-]{20,100}$/.test(ticket)) return null;
    const raw = await this.cache.get(PREFIX + ticket);
    if (!raw) return null;
    await this.cache.delete(PREFIX + ticket);
    const entry = JSON.parse(raw) as { staffId: string; purpose: string };
    if (entry.purpose !== purpose) return null;
    return this.auth.activeUserById(entry.staffId);
  }
}

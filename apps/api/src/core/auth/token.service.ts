import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthTokens } from '@fenji/shared';
import { StaffRepository } from '../../modules/org/staff.repository';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { newId } from '../database/id.util';
import { AppException } from '../errors/app.exception';
import type { AuthUser } from './auth-user';
import { signJwt, verifyJwt } from './jwt.util';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevoker } from './session-revoker';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** A refresh token used again this soon after it rotated is a second tab refreshing at the same time, not a leak. */
export const REFRESH_GRACE_MS = 10_000;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
const BIND_TICKET_SECONDS = 10 * 60;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Short-lived access JWTs and rotating, single-use refresh tokens (`<id>.<secret>`, stored hashed). */
@Injectable()
export class TokenService extends SessionRevoker {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RefreshTokenRepository) private readonly refreshTokens: RefreshTokenRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  async issue(user: AuthUser, familyId = newId()): Promise<AuthTokens> {
    const now = this.clock.now();
    const version = await this.staff.tokenVersionOf(user.id);
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      id,
      staffId: user.id,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000),
      revokedAt: null,
      rotatedAt: null,
      createdAt: now,
    });
    const accessToken = signJwt({ sub: user.id, typ: 'access', role: user.role, ver: version }, this.config.jwtSecret, ACCESS_TOKEN_SECONDS);
    return { accessToken, refreshToken: `${id}.${secret}`, user };
  }

  /** The staff id and token version of a valid access token; null otherwise. */
  verifyAccess(token: string): { staffId: string; version: number } | null {
    const claims = verifyJwt(token, this.config.jwtSecret, 'access');
    if (!claims) return null;
    return { staffId: claims.sub, version: typeof claims.ver === 'number' ? claims.ver : 0 };
  }

  /**
   * Uses a refresh token once. Returns its staff id and family. A token used twice means it leaked:
   * the whole family (that sign-in on every device) is revoked.
   */
  async consumeRefresh(refreshToken: string): Promise<{ staffId: string; familyId: string }> {
    const invalid = () => AppException.unauthorized('TOKEN_INVALID', '登录已失效，请重新登录');
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret) throw invalid();
    const row = await this.refreshTokens.findById(id);
    if (!row) throw invalid();
    const a = Buffer.from(row.tokenHash);
    const b = Buffer.from(sha256(secret));
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid();
    const now = this.clock.now();
    if (row.expiresAt <= now) throw invalid();
    if (row.revokedAt || !(await this.refreshTokens.rotateIfActive(id, now))) {
      const rotatedAt = (row.revokedAt ? row : await this.refreshTokens.findById(id))?.rotatedAt ?? null;
      if (rotatedAt && now.getTime() - rotatedAt.getTime() <= REFRESH_GRACE_MS) return { staffId: row.staffId, familyId: row.familyId };
      // Used again after it rotated: it leaked. End that sign-in, and every access token of the account now.
      await this.refreshTokens.revokeFamily(row.familyId, now);
      await this.staff.bumpTokenVersion(row.staffId);
      throw invalid();
    }
    return { staffId: row.staffId, familyId: row.familyId };
  }

  /** Ends every session of the staff member: refresh tokens, and access tokens at once (token version). */
  async revokeAllFor(staffId: string): Promise<void> {
    await this.refreshTokens.revokeAllForStaff(staffId, this.clock.now());
    await this.staff.bumpTokenVersion(staffId);
  }

  signBindTicket(openid: string): string {
    return signJwt({ sub: openid, typ: 'wechat_bind' }, this.config.jwtSecret, BIND_TICKET_SECONDS);
  }

  verifyBindTicket(ticket: string): string {
    const openid = verifyJwt(ticket, this.config.jwtSecret, 'wechat_bind')?.sub;
    if (!openid) throw AppException.badRequest('BIND_TICKET_INVALID', '绑定已过期，请重新微信登录');
    return openid;
  }
}

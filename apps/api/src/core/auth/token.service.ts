import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthTokens } from '@fenji/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { newId } from '../database/id.util';
import { AppException } from '../errors/app.exception';
import type { AuthUser } from './auth-user';
import { signJwt, verifyJwt } from './jwt.util';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevoker } from './session-revoker';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
const BIND_TICKET_SECONDS = 10 * 60;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Short-lived access JWTs and rotating, single-use refresh tokens (`<id>.<secret>`, stored hashed). */
@Injectable()
export class TokenService extends SessionRevoker {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RefreshTokenRepository) private readonly refreshTokens: RefreshTokenRepository,
  ) {
    super();
  }

  async issue(user: AuthUser, familyId = newId()): Promise<AuthTokens> {
    const now = new Date();
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      id,
      staffId: user.id,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000),
      revokedAt: null,
      createdAt: now,
    });
    const accessToken = signJwt({ sub: user.id, typ: 'access', role: user.role }, this.config.jwtSecret, ACCESS_TOKEN_SECONDS);
    return { accessToken, refreshToken: `${id}.${secret}`, user };
  }

  verifyAccess(token: string): string | null {
    return verifyJwt(token, this.config.jwtSecret, 'access')?.sub ?? null;
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
    const now = new Date();
    if (row.expiresAt <= now) throw invalid();
    if (row.revokedAt || !(await this.refreshTokens.revokeIfActive(id, now))) {
      await this.refreshTokens.revokeFamily(row.familyId, now);
      throw invalid();
    }
    return { staffId: row.staffId, familyId: row.familyId };
  }

  async revokeAllFor(staffId: string): Promise<void> {
    await this.refreshTokens.revokeAllForStaff(staffId, new Date());
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

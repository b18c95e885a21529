import { Inject, Injectable, Logger } from '@nestjs/common';
import { normalizePhone, type ActivateRequest, type AuthTokens, type LoginRequest, type SessionUser, type WechatBindRequest, type WechatLoginResponse } from '@fenji/shared';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isUniqueViolation } from '../database/db-errors.util';
import { TransactionRunner } from '../database/transaction.runner';
import { AppException } from '../errors/app.exception';
import { RateLimitStore } from '../rate-limit/rate-limit.store';
import { WechatClient } from '../wechat/wechat.client';
import type { AuthUser } from './auth-user';
import { hashPassword, verifyPassword } from './password.util';
import { type DirectoryStaff, StaffDirectory } from './staff-directory';
import { TokenService } from './token.service';

const FAILURE_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;
const INVITE_MAX_FAILURES = 20;

export function toAuthUser(s: DirectoryStaff): AuthUser {
  return { id: s.id, name: s.name, role: s.role, branchId: s.branchId };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Every attempt is counted before its password is checked (atomically, in the shared store), so parallel
   * attempts cannot slip past the limits: per (account, address) LOGIN_MAX_FAILURES in 15 minutes, per address
   * four times that over all accounts, and per account LOGIN_MAX_FAILURES_PER_ACCOUNT an hour from everywhere.
   * The first lock is the one a person meets, and only from the address that guessed; nobody can lock an
   * account out from one address. A refused attempt is not counted; a successful one takes its count back.
   */
  async login(dto: LoginRequest, ip: string): Promise<AuthTokens> {
    const phone = normalizePhone(dto.phone) as string;
    const max = this.config.loginMaxFailures;
    const buckets = [
      { name: `login-fail:pair:${phone}:${ip}`, limit: max, seconds: FAILURE_WINDOW_SECONDS },
      { name: `login-fail:ip:${ip}`, limit: max * 4, seconds: FAILURE_WINDOW_SECONDS },
      { name: `login-fail:account:${phone}`, limit: this.config.loginMaxFailuresPerAccount, seconds: ACCOUNT_WINDOW_SECONDS },
    ];
    const counted = [];
    for (const b of buckets) counted.push(await this.limits.hit(b.name, b.limit, b.seconds));
    const undo = () => Promise.all(buckets.map((b) => this.limits.undo(b.name)));
    const refused = counted.filter((c) => !c.allowed);
    if (refused.length) {
      await undo();
      throw AppException.rateLimited(Math.max(...refused.map((c) => c.retryAfterSeconds)));
    }
    const staff = await this.staff.findByPhone(phone);
    const ok = await verifyPassword(dto.password, staff?.passwordHash ?? null);
    if (!staff || !ok) {
      await this.audit.record({ actorStaffId: staff?.id ?? null, action: 'auth.login_failed', detail: { phone: phone.slice(0, 3) + '****' + phone.slice(-4) }, ip });
      throw AppException.unauthorized('INVALID_CREDENTIALS', '手机号或密码不正确');
    }
    await undo();
    if (staff.status !== 'active') throw new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系总部');
    await this.audit.record({ actorStaffId: staff.id, action: 'auth.login', ip });
    return this.tokens.issue(toAuthUser(staff));
  }
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const { staffId, familyId } = await this.tokens.consumeRefresh(refreshToken);
    const staff = await this.activeStaff(staffId);
    return this.tokens.issue(toAuthUser(staff), familyId);
  }

  async activate(dto: ActivateRequest, ip: string): Promise<AuthTokens> {
    const staff = await this.staffForInvite(dto.inviteCode, ip);
    const inviteCode = dto.inviteCode.toUpperCase();
    const passwordHash = await hashPassword(dto.password); // ~100 ms of scrypt: before the unit of work, never in it
    await this.transactions.run(async (tx) => {
      if (!(await this.staff.consumeInvite(tx, staff.id, inviteCode, { passwordHash }))) throw AppException.badRequest('INVITE_INVALID', '邀请码无效或已使用');
      await this.tokens.revokeAllFor(staff.id, tx); // a reset password ends the old sessions
      await this.audit.record({ actorStaffId: staff.id, action: 'auth.activate', targetType: 'staff', targetId: staff.id, ip }, tx);
    });
    return this.tokens.issue(toAuthUser(staff));
  }

  async wechatLogin(code: string, ip: string): Promise<WechatLoginResponse> {
    const { openid } = await this.wechat.code2Session(code);
    const staff = await this.staff.findByWechatOpenid(openid);
    if (!staff) return { bindTicket: await this.tokens.signBindTicket(openid) };
    if (staff.status !== 'active') throw new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系总部');
    await this.audit.record({ actorStaffId: staff.id, action: 'auth.login_wechat', ip });
    return this.tokens.issue(toAuthUser(staff));
  }

  async wechatBind(dto: WechatBindRequest, ip: string): Promise<AuthTokens> {
    const openid = await this.tokens.verifyBindTicket(dto.bindTicket);
    const staff = await this.staffForInvite(dto.inviteCode, ip);
    const inviteCode = dto.inviteCode.toUpperCase();
    if (await this.staff.isOpenidBoundElsewhere(openid, staff.id)) throw AppException.conflict('INVITE_INVALID', '该微信已绑定其他员工账号');
    await this.transactions.run(async (tx) => {
      try {
        if (!(await this.staff.consumeInvite(tx, staff.id, inviteCode, { wechatOpenid: openid }))) throw AppException.badRequest('INVITE_INVALID', '邀请码无效或已使用');
      } catch (error) {
        if (isUniqueViolation(error)) throw AppException.conflict('INVITE_INVALID', '该微信已绑定其他员工账号');
        throw error;
      }
      await this.audit.record({ actorStaffId: staff.id, action: 'auth.wechat_bind', targetType: 'staff', targetId: staff.id, ip }, tx);
    });
    return this.tokens.issue(toAuthUser(staff));
  }

  async me(user: AuthUser): Promise<SessionUser> {
    return { ...user, branchName: user.branchId ? await this.staff.branchName(user.branchId) : null };
  }

  /** The signed-in user behind an access token, re-read so a disabled account stops at once. */
  async userForAccessToken(token: string): Promise<AuthUser | null> {
    const access = await this.tokens.verifyAccess(token);
    if (!access) return null;
    const staff = await this.staff.findById(access.staffId);
    // A token of an older version was ended (password set, sessions revoked, a leaked refresh token).
    return staff && staff.status === 'active' && staff.tokenVersion === access.version ? toAuthUser(staff) : null;
  }

  /** An active staff member as the user a request acts for (a redeemed download ticket); null otherwise. */
  async activeUserById(staffId: string): Promise<AuthUser | null> {
    const staff = await this.staff.findById(staffId);
    return staff && staff.status === 'active' ? toAuthUser(staff) : null;
  }

  /** HQ_ADMIN_PHONE / HQ_ADMIN_PASSWORD: creates the first HQ admin when none exists. */
  async bootstrapHqAdmin(): Promise<void> {
    const admin = this.config.hqAdmin;
    if (!admin || (await this.staff.hasHqAdmin())) return;
    const phone = normalizePhone(admin.phone);
    if (!phone) throw new Error(`HQ_ADMIN_PHONE "${admin.phone}" is not a valid mainland mobile number`);
    if (await this.staff.createHqAdmin(phone, await hashPassword(admin.password))) {
      this.logger.log(`HQ admin ${phone.slice(0, 3)}****${phone.slice(-4)} created`);
    }
  }

  private async activeStaff(id: string): Promise<DirectoryStaff> {
    const staff = await this.staff.findById(id);
    if (!staff) throw AppException.unauthorized('TOKEN_INVALID', '登录已失效，请重新登录');
    if (staff.status !== 'active') throw new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系总部');
    return staff;
  }

  /** The active staff member an invite code belongs to. Wrong codes are counted per IP: guessing is throttled. */
  private async staffForInvite(rawCode: string, ip: string): Promise<DirectoryStaff> {
    const bucket = `invite-fail:ip:${ip}`;
    if ((await this.limits.peek(bucket)) >= INVITE_MAX_FAILURES) throw AppException.rateLimited(FAILURE_WINDOW_SECONDS);
    const staff = await this.staff.findByInviteCode(rawCode.toUpperCase());
    if (!staff) {
      await this.limits.hit(bucket, INVITE_MAX_FAILURES, FAILURE_WINDOW_SECONDS);
      throw AppException.badRequest('INVITE_INVALID', '邀请码无效或已使用');
    }
    if (staff.status !== 'active') throw new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系总部');
    return staff;
  }
}


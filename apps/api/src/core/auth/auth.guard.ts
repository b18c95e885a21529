import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DownloadPurpose, Role } from '@fenji/shared';
import { AppException } from '../errors/app.exception';
import type { AuthUser } from './auth-user';
import { type AuthedRequest, IS_PUBLIC, ROLES_KEY, TICKET_PURPOSE } from './auth.decorators';
import { AuthService } from './auth.service';
import { DownloadTicketService } from './download-ticket.service';

/** Every route needs a signed-in, active user unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DownloadTicketService) private readonly tickets: DownloadTicketService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const purpose = this.reflector.getAllAndOverride<DownloadPurpose | undefined>(TICKET_PURPOSE, targets);
    const ticket = purpose && !token ? (request.query as Record<string, unknown> | undefined)?.ticket : undefined;
    if (typeof ticket === 'string') {
      const ticketUser = await this.tickets.redeem(ticket, purpose as DownloadPurpose);
      if (!ticketUser) throw AppException.unauthorized('TICKET_INVALID', '下载链接已失效，请重新导出');
      return this.admit(request, ticketUser, targets);
    }
    const user = token ? await this.auth.userForAccessToken(token) : null;
    if (!user) throw AppException.unauthorized('UNAUTHENTICATED', '请先登录');
    return this.admit(request, user, targets);
  }

  private admit(request: AuthedRequest, user: AuthUser, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw AppException.forbidden();
    request.user = user;
    return true;
  }
}

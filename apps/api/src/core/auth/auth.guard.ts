import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@fenji/shared';
import { AppException } from '../errors/app.exception';
import { type AuthedRequest, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

/** Every route needs a signed-in, active user unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const user = token ? await this.auth.userForAccessToken(token) : null;
    if (!user) throw AppException.unauthorized('UNAUTHENTICATED', '请先登录');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw AppException.forbidden();
    request.user = user;
    return true;
  }
}

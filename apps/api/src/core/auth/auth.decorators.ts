import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { DownloadPurpose, Role } from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import { clientIp } from '../http/client-ip.util';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'fenji:public';
export const ROLES_KEY = 'fenji:roles';

/** Anyone may call this route. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const TICKET_PURPOSE = 'fenji:ticket-purpose';

/** Besides the Authorization header, a one-time download ticket of this purpose (`?ticket=`) signs the request in. */
export const AcceptsDownloadTicket = (purpose: DownloadPurpose) => SetMetadata(TICKET_PURPOSE, purpose);

/** Only these roles may call this route (every other route needs any signed-in user). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

/** The client's address as TRUST_PROXY allows, always a valid IP (see clientIp). */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => clientIp(ctx.switchToHttp().getRequest<FastifyRequest>()));

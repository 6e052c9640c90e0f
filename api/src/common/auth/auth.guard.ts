import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@lidz/libs';
import { AppError } from '../errors/app-error';
import type { AccessTokenClaims } from './actor';
import { PUBLIC_ROUTE, RequestWithActor, ROUTE_ROLES } from './decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and the caller's role
 * must be one the route names with @Roles() (a route without @Roles() is open to every logged-in role).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new AppError('UNAUTHENTICATED');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new AppError('UNAUTHENTICATED');
    }
    request.actor = { userId: claims.sub, role: claims.role, organisationId: claims.org, organisationKind: claims.orgKind, requestId: String(request.id), ip: request.ip };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(claims.role)) throw new AppError('FORBIDDEN');
    return true;
  }
}

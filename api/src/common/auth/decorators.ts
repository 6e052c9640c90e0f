import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@lidz/libs';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';

export const PUBLIC_ROUTE = 'lidz:public';
export const ROUTE_ROLES = 'lidz:roles';

/** The route needs no login (health, login itself, public summaries). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The coarse permission: which roles may call the route at all. Row-level checks live in services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

export type RequestWithActor = FastifyRequest & { actor?: Actor };

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

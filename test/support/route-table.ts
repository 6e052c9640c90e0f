import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@lidz/libs';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../api/src/common/auth/decorators';

export interface RouteEntry {
  /** e.g. "GET /api/children/:id" */
  route: string;
  /** 'public' (no login), 'any' (every signed-in role) or the roles the route names. */
  access: 'public' | 'any' | Role[];
}

/** Every HTTP route of the running app, read from the controllers' own metadata. */
export function routeTable(app: INestApplication): RouteEntry[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const out: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '')[0];
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      for (const sub of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '')) {
        const path = ['/api', base, sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
        const targets = [handler as never, wrapper.metatype as never];
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
        out.push({ route: `${RequestMethod[method]} /${path}`, access: isPublic ? 'public' : roles ? [...roles].sort() : 'any' });
      }
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

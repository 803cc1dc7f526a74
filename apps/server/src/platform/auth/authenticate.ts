import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Actor, RequestOrigin } from './actor.js';
import type { CookieNames } from './cookies.js';
import { type Action, can, PermissionDenied } from './permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor; throws 401 UNAUTHENTICATED when there is none. */
    requireActor(): Promise<Actor>;
    /** The actor if signed in, else null. */
    optionalActor(): Promise<Actor | null>;
    /** The actor, after checking the role → action table (403 FORBIDDEN otherwise). */
    requirePermission(action: Action): Promise<Actor>;
    origin(): RequestOrigin;
  }
}

const actorCache = new WeakMap<FastifyRequest, Promise<Actor | null>>();

/**
 * Resolves the session cookie to an Actor on demand (public routes never touch the database
 * for it) and at most once per request.
 */
export function registerAuthentication(
  app: FastifyInstance,
  options: { cookies: CookieNames; resolveActor: (sessionToken: string) => Promise<Actor | null> },
) {
  app.decorateRequest('optionalActor', function (this: FastifyRequest) {
    let pending = actorCache.get(this);
    if (!pending) {
      const token = this.cookies[options.cookies.session];
      pending = token ? options.resolveActor(token) : Promise.resolve(null);
      actorCache.set(this, pending);
    }
    return pending;
  });
  app.decorateRequest('requireActor', async function (this: FastifyRequest) {
    const actor = await this.optionalActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 401, 'Tu sesión no es válida o venció. Inicia sesión.');
    return actor;
  });
  app.decorateRequest('requirePermission', async function (this: FastifyRequest, action: Action) {
    const actor = await this.requireActor();
    if (!can(actor.roles, action)) throw new PermissionDenied(action);
    return actor;
  });
  app.decorateRequest('origin', function (this: FastifyRequest): RequestOrigin {
    return { ip: this.ip, userAgent: this.headers['user-agent'], requestId: String(this.id) };
  });
}

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
const readOnlyChecks = new WeakMap<FastifyRequest, Promise<boolean>>();

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * What an organization in read-only mode (its subscription unpaid, expired or canceled) may still
 * change: sessions and sign-in, the subscription and its payment, the fiscal data its invoice
 * needs, and joining by invitation. Everything else that writes is refused; every read works.
 */
const WRITABLE_WHEN_READ_ONLY = [
  '/api/v1/auth/',
  '/api/v1/subscription',
  '/api/v1/payments/',
  '/api/v1/organization/fiscal-data',
  '/api/v1/invitations/accept',
];

export class ReadOnlyAccount extends AppError {
  constructor() {
    super(
      'READ_ONLY',
      403,
      'Tu cuenta está en modo de solo lectura porque no se ha registrado el pago de la suscripción. Puedes consultar y exportar todo; para registrar o cambiar algo, la persona administradora de la cuenta debe pagar en Configuración › Suscripción.',
    );
  }
}

/**
 * Resolves the session cookie to an Actor on demand (public routes never touch the database
 * for it) and at most once per request.
 */
export function registerAuthentication(
  app: FastifyInstance,
  options: {
    cookies: CookieNames;
    resolveActor: (sessionToken: string) => Promise<Actor | null>;
    /** Whether the organization may only read (asked once per writing request). */
    isReadOnly: (organizationId: string) => Promise<boolean>;
  },
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
    const url = this.routeOptions.url ?? '';
    if (WRITES.has(this.method) && !WRITABLE_WHEN_READ_ONLY.some((prefix) => url.startsWith(prefix))) {
      let check = readOnlyChecks.get(this);
      if (!check) {
        check = options.isReadOnly(actor.organizationId);
        readOnlyChecks.set(this, check);
      }
      if (await check) throw new ReadOnlyAccount();
    }
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

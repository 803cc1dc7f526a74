import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';
import { type CookieNames, cookieOptions } from './cookies.js';
import { hmac, randomToken, safeEqual } from './crypto.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Callers that do not use cookies: payment providers' webhooks (signed) and API keys.
const EXEMPT_PREFIXES = ['/api/v1/payments/webhooks/'];

/**
 * Signed double-submit CSRF protection: the token is an HMAC of a random HttpOnly cookie,
 * so a cross-site page can neither read nor forge it. Every state-changing /api request
 * carried by cookies needs it in the x-csrf-token header, login and sign-up included.
 */
export function registerCsrf(
  app: FastifyInstance,
  options: { config: Pick<Config, 'sessionSecret' | 'secureCookies'>; cookies: CookieNames },
) {
  const { config, cookies } = options;

  app.addHook('onRequest', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return done();
    if (EXEMPT_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return done();
    if (request.headers.authorization?.startsWith('Bearer ')) return done();
    const cookie = request.cookies[cookies.csrf];
    const header = request.headers['x-csrf-token'];
    if (!cookie || typeof header !== 'string' || !safeEqual(header, hmac(config.sessionSecret, cookie))) {
      return done(
        new AppError(
          'CSRF_INVALID',
          403,
          'Falta el token de seguridad (CSRF) o no es válido. Recarga la página e intenta de nuevo.',
        ),
      );
    }
    done();
  });

  app.get(
    '/api/v1/auth/csrf',
    {
      schema: {
        tags: ['Cuentas'],
        summary: 'Token CSRF para enviar en x-csrf-token',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      let secret = request.cookies[cookies.csrf];
      if (!secret) {
        secret = randomToken();
        reply.setCookie(cookies.csrf, secret, cookieOptions(config));
      }
      return { token: hmac(config.sessionSecret, secret) };
    },
  );
}

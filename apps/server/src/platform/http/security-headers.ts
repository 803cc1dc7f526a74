import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { answersJson } from './path-kinds.js';

/**
 * helmet's security headers on every response, in two sets:
 * - documents (the web app's pages and files, the API reference): helmet's full set, with the CSP
 *   the web app needs;
 * - API answers (JSON, problem+json, downloads under /api/, /healthz, /readyz): OWASP's REST
 *   set, a stricter CSP (`default-src 'none'; frame-ancestors 'none'`), X-Frame-Options DENY,
 *   nosniff, CORP and `Cache-Control: no-store`. The headers that only act on a document a browser
 *   renders (COOP, Origin-Agent-Cluster, Referrer-Policy, X-XSS-Protection, X-Download-Options,
 *   X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies) are left off API answers: they
 *   did nothing there but weigh on every answer (bench/http.ts).
 * The configuration has no per-request parts (no CSP nonces), so helmet runs once at start and its
 * headers are replayed on each request: @fastify/helmet rebuilt the middleware on every request.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const documentHeaders = helmetHeaders(options);
  const apiHeaders = apiSecurityHeaders(options);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(answersJson(request.url) ? apiHeaders : documentHeaders);
    done();
  });
}

/** The headers helmet sets on documents with this configuration. */
export function helmetHeaders(options: { https: boolean }): Record<string, string> {
  return captureHelmet({
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': options.https ? [] : null },
    },
    strictTransportSecurity: options.https,
  });
}

/** The headers on API answers (OWASP REST Security Cheat Sheet, "Security headers"). */
export function apiSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    ...captureHelmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
      },
      frameguard: { action: 'deny' },
      strictTransportSecurity: options.https,
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      referrerPolicy: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    }),
    // A route that may be cached (a download) says so itself; by default nothing is stored.
    'cache-control': 'no-store',
  };
}

/** The headers helmet's middleware sets with `options`, captured from one run of it. */
function captureHelmet(options: HelmetOptions): Record<string, string> {
  const middleware = helmet(options);
  const captured: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      captured[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete captured[name.toLowerCase()];
    },
  };
  let failure: unknown;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return captured;
}

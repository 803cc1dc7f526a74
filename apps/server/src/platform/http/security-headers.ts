import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * helmet's security headers on every response. The configuration has no per-request parts
 * (no CSP nonces), so helmet runs once at start and its headers are replayed on each request:
 * @fastify/helmet rebuilds the middleware on every request, which cost two thirds of /healthz's
 * throughput, and running the middleware each time cost a sixth.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** The headers helmet sets with this configuration, captured from one run of its middleware. */
export function helmetHeaders(options: { https: boolean }): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': options.https ? [] : null },
    },
    strictTransportSecurity: options.https,
  });
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

import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { pathKind } from './path-kinds.js';
import { sendProblem } from './problem.js';

/**
 * Serves the built web app and answers unknown paths: the SPA's index.html for browser
 * navigation, problem+json for the API.
 */
export async function registerWebApp(app: FastifyInstance, options: { webDist: string }) {
  const hasWebApp = existsSync(`${options.webDist}/index.html`);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isAppNavigation = hasWebApp && request.method === 'GET' && pathKind(path) === 'app';
    if (isAppNavigation) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, {
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: `No existe ${request.method} ${path}. Consulta la documentación en /api/docs.`,
      instance: path,
    });
  });
}

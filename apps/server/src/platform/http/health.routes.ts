import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** /healthz: the process answers. /readyz: the database answers too (503 + Retry-After otherwise). */
export async function healthRoutes(app: FastifyInstance, options: { ping: () => Promise<void> }) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Servicio'],
        summary: 'El proceso está vivo',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Servicio'],
        summary: 'La base de datos responde',
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable'), detail: z.string() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await options.ping();
        return { status: 'ready' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({
            status: 'unavailable' as const,
            detail: 'La base de datos no responde. Intenta de nuevo en unos segundos.',
          });
      }
    },
  );
}

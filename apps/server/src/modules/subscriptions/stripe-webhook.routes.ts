import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type Stripe from 'stripe';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.js';
import type { StripeEvents } from './stripe-events.js';

/** Stripe's recommended window: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

/**
 * POST /payments/webhooks/stripe: Stripe's signed events. The signature is checked on the raw
 * body with the SDK (HMAC-SHA256 of "{t}.{body}", constant time, 300 s tolerance against our
 * clock); a verified event is stored once and processed by a job, so Stripe gets its 2xx at once.
 * Without Stripe configured the route answers 404; a forged or stale event 400, and nothing changes.
 */
export async function stripeWebhookRoutes(
  app: FastifyInstance,
  options: {
    stripe: { client: Stripe; webhookSecret: string; events: StripeEvents } | null;
    now: () => Date;
  },
) {
  // The signature covers the exact bytes Stripe sent: keep the body raw on this route.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/payments/webhooks/stripe',
    {
      schema: {
        tags: ['Suscripción'],
        summary: 'Eventos de Stripe (firmados con Stripe-Signature)',
        description:
          'Stripe envía aquí los eventos de pago. Se verifica la firma; cada evento se procesa una sola vez.',
        response: { 200: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
      },
    },
    async (request) => {
      if (!options.stripe)
        throw notFound('PROVIDER_NOT_CONFIGURED', 'Stripe no está configurado en este servidor.');
      const signature = request.headers['stripe-signature'];
      const body = request.body;
      if (typeof signature !== 'string' || !Buffer.isBuffer(body)) {
        throw new AppError(
          'WEBHOOK_SIGNATURE',
          400,
          'Falta la firma Stripe-Signature o el cuerpo del evento.',
        );
      }
      let event: Stripe.Event;
      try {
        event = options.stripe.client.webhooks.constructEvent(
          body,
          signature,
          options.stripe.webhookSecret,
          TOLERANCE_SECONDS,
          undefined,
          // In milliseconds (the SDK divides by 1000); our clock, so a test clock ages events too.
          options.now().getTime(),
        );
      } catch (error) {
        const invalid = new AppError(
          'WEBHOOK_SIGNATURE',
          400,
          'La firma del evento no es válida o el evento es demasiado antiguo.',
        );
        invalid.cause = error;
        throw invalid;
      }
      const { duplicate } = await options.stripe.events.receive(event);
      return { received: true as const, duplicate };
    },
  );
}

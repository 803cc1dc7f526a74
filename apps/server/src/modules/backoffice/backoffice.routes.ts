import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import { emailSchema, idParamSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import { amountSchema } from '../../platform/money.js';
import { CANCEL_MOTIVES } from '../invoicing/index.js';
import { INVOICE_STATUSES } from '../invoicing/invoicing.schema.js';
import { PAYMENT_STATUSES, REFUND_STATUSES } from '../subscriptions/subscriptions.schema.js';
import { backofficeErrors } from './backoffice.errors.js';
import type { BackofficeService } from './backoffice.service.js';
import {
  alertsSchema,
  eventsSchema,
  invoicesSchema,
  operatorSchema,
  organizationsPageSchema,
  paymentSchema,
  paymentsPageSchema,
  refundSchema,
  refundsPageSchema,
} from './backoffice.wire.js';
import {
  OPERATOR_COOKIE_MAX_AGE_SECONDS,
  operatorCookieName,
  operatorCookieOptions,
} from './operator-sessions.js';
import type { OperatorView } from './operators.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A back-office route that answers without an operator's session (signing in and out). */
    operatorPublic?: boolean;
  }
}

const trackingKeySchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9]{1,30}$/,
    'La clave de rastreo tiene de 1 a 30 letras y números, como la muestra el banco.',
  );

const transferBody = z.object({
  amount: amountSchema,
  trackingKey: trackingKeySchema,
  receivedOn: z.iso.date('Escribe la fecha en que llegó la transferencia (AAAA-MM-DD).'),
});

/**
 * `/api/v1/backoffice`: the platform operator's back office, signed in with its own cookie and
 * kept out of the public OpenAPI document and SDK (`hide`). State-changing requests need the
 * CSRF header like every cookie-carried request (platform/auth/csrf.ts runs before these routes).
 */
export async function backofficeRoutes(
  fastify: FastifyInstance,
  options: { backoffice: BackofficeService; config: Pick<Config, 'secureCookies'> },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { backoffice, config } = options;
  const cookie = operatorCookieName(config);
  const signedIn = new WeakMap<FastifyRequest, OperatorView>();
  // Brute force from one address is slowed here; per-account throttling is in operator-auth.ts.
  const loginRateLimit = { max: 30, windowMs: 60_000 };

  // Every route needs an operator's session unless it says otherwise: none is open by omission.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.operatorPublic) return;
    const token = request.cookies[cookie];
    const operator = token ? await backoffice.auth.resolve(token) : null;
    if (!operator) throw backofficeErrors.unauthenticated();
    signedIn.set(request, operator);
  });

  const operatorOf = (request: FastifyRequest): OperatorView => {
    const operator = signedIn.get(request);
    if (!operator) throw backofficeErrors.unauthenticated();
    return operator;
  };
  // The audit log names no operator: the user agent and the request id say who acted.
  const originOf = (request: FastifyRequest, operator: OperatorView): RequestOrigin => ({
    ip: request.ip,
    userAgent: `operador ${operator.email}`,
    requestId: String(request.id),
  });

  app.post(
    '/session',
    {
      config: { operatorPublic: true, rateLimit: loginRateLimit },
      schema: {
        hide: true,
        body: z.object({
          email: emailSchema,
          password: z.string().min(1, 'Escribe tu contraseña.').max(1024),
        }),
        response: { 200: z.object({ operator: operatorSchema }) },
      },
    },
    async (request, reply) => {
      const { operator, token } = await backoffice.auth.login(request.body, request.origin());
      reply.setCookie(cookie, token, operatorCookieOptions(config, OPERATOR_COOKIE_MAX_AGE_SECONDS));
      return { operator };
    },
  );

  app.get(
    '/session',
    { schema: { hide: true, response: { 200: z.object({ operator: operatorSchema }) } } },
    async (request) => ({ operator: operatorOf(request) }),
  );

  app.delete(
    '/session',
    { config: { operatorPublic: true }, schema: { hide: true, response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[cookie];
      if (token) {
        const operator = await backoffice.auth.resolve(token);
        await backoffice.auth.logout(token, operator, request.origin());
      }
      reply.clearCookie(cookie, operatorCookieOptions(config));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/organizations',
    {
      schema: {
        hide: true,
        querystring: paginationQuerySchema.extend({ search: z.string().trim().max(200).optional() }),
        response: { 200: organizationsPageSchema },
      },
    },
    async (request) => backoffice.listOrganizations(request.query),
  );

  app.get(
    '/payments',
    {
      schema: {
        hide: true,
        querystring: paginationQuerySchema.extend({ status: z.enum(PAYMENT_STATUSES).optional() }),
        response: { 200: paymentsPageSchema },
      },
    },
    async (request) => backoffice.listPayments(request.query),
  );

  app.post(
    '/payments/:id/transfers',
    {
      schema: {
        hide: true,
        params: idParamSchema,
        body: transferBody,
        response: { 200: z.object({ confirmed: z.boolean(), payment: paymentSchema }) },
      },
    },
    async (request) => {
      const operator = operatorOf(request);
      return backoffice.recordTransfer(
        operator,
        request.params.id,
        request.body,
        originOf(request, operator),
      );
    },
  );

  app.get(
    '/refunds',
    {
      schema: {
        hide: true,
        querystring: paginationQuerySchema.extend({ status: z.enum(REFUND_STATUSES).optional() }),
        response: { 200: refundsPageSchema },
      },
    },
    async (request) => backoffice.listRefunds(request.query),
  );

  app.post(
    '/refunds/:id/issued',
    {
      schema: {
        hide: true,
        params: idParamSchema,
        body: z.object({ trackingKey: trackingKeySchema }),
        response: { 200: refundSchema },
      },
    },
    async (request) => {
      const operator = operatorOf(request);
      return backoffice.markRefundIssued(
        operator,
        request.params.id,
        request.body.trackingKey,
        originOf(request, operator),
      );
    },
  );

  app.post(
    '/refunds/:id/retry',
    { schema: { hide: true, params: idParamSchema, response: { 202: z.object({}) } } },
    async (request, reply) => {
      const operator = operatorOf(request);
      await backoffice.retryRefund(operator, request.params.id, originOf(request, operator));
      return reply.status(202).send({});
    },
  );

  app.get('/alerts', { schema: { hide: true, response: { 200: alertsSchema } } }, async () => ({
    data: await backoffice.alerts(),
  }));

  app.get('/events', { schema: { hide: true, response: { 200: eventsSchema } } }, async () => ({
    data: await backoffice.listEvents(),
  }));

  app.get('/invoices', { schema: { hide: true, response: { 200: invoicesSchema } } }, async () =>
    backoffice.listInvoices(),
  );

  app.post(
    '/invoices/:id/cancel',
    {
      schema: {
        hide: true,
        params: idParamSchema,
        body: z.object({
          motive: z.enum(CANCEL_MOTIVES, {
            error: 'Elige el motivo de cancelación del SAT: 01, 02, 03 o 04.',
          }),
        }),
        response: {
          200: z.object({ id: z.uuid(), status: z.enum(INVOICE_STATUSES), replacedBy: z.uuid().nullable() }),
        },
      },
    },
    async (request) => {
      const operator = operatorOf(request);
      return backoffice.cancelInvoice(
        operator,
        request.params.id,
        request.body.motive,
        originOf(request, operator),
      );
    },
  );
}

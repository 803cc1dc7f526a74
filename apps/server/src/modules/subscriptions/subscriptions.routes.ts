import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../platform/http/schemas.js';
import { isValidClabe } from './clabe.js';
import { SUBSCRIPTION_STATUSES } from './subscription-machine.js';
import { PAYMENT_METHODS, PAYMENT_PROVIDERS, PAYMENT_STATUSES, PLAN_IDS } from './subscriptions.schema.js';
import type { SubscriptionsService } from './subscriptions.service.js';

const tags = ['Suscripción'];
const decimal = z.string().describe('Importe en pesos, p. ej. "499.00"');
const day = z.string().describe('Día AAAA-MM-DD (Ciudad de México)');

const planSchema = z.object({
  id: z.enum(PLAN_IDS),
  interval: z.enum(['month', 'year']),
  price: decimal.describe('Precio antes de IVA'),
  iva: decimal,
  total: decimal.describe('Precio con IVA'),
  saving: decimal.nullable().describe('Plan anual: lo que se ahorra frente a doce pagos mensuales'),
});

const subscriptionSchema = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES),
  readOnly: z.boolean().describe('Sin pago: se puede leer y exportar, no crear ni cambiar'),
  plan: z.enum(PLAN_IDS).nullable(),
  nextPlan: z.enum(PLAN_IDS).nullable().describe('Un periodo pagado que aún no empieza'),
  trialEndsAt: z.date(),
  trialDaysLeft: z.number().int().nullable(),
  currentPeriodStart: day.nullable(),
  currentPeriodEnd: day.nullable(),
  accessEndsOn: day.nullable(),
  plans: z.array(planSchema),
  paymentProvider: z.enum(PAYMENT_PROVIDERS).describe('sandbox: pagos simulados, sin validez'),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).describe('Los métodos disponibles con este proveedor'),
});

const paymentSchema = z.object({
  id: z.uuid(),
  plan: z.enum(PLAN_IDS),
  method: z.enum(PAYMENT_METHODS),
  provider: z.enum(PAYMENT_PROVIDERS),
  status: z.enum(PAYMENT_STATUSES),
  total: decimal,
  base: decimal,
  iva: decimal,
  amountReceived: decimal.describe('Lo recibido hasta ahora (una transferencia SPEI puede llegar en partes)'),
  amountRemaining: decimal.describe('Lo que falta por recibir'),
  reference: z.string().describe('Referencia o concepto que el pago debe citar'),
  instructions: z
    .union([
      z.discriminatedUnion('method', [
        z.object({
          method: z.literal('card'),
          provider: z.enum(PAYMENT_PROVIDERS),
          checkoutUrl: z
            .string()
            .nullable()
            .default(null)
            .describe('Página del proveedor donde se captura la tarjeta (con 3-D Secure)'),
        }),
        z.object({
          method: z.literal('spei'),
          provider: z.enum(PAYMENT_PROVIDERS),
          clabe: z.string(),
          bank: z.string(),
          beneficiary: z.string(),
          reference: z.string(),
        }),
        z.object({
          method: z.literal('oxxo'),
          provider: z.enum(PAYMENT_PROVIDERS),
          reference: z.string(),
          expiresAt: z.string().describe('Fecha y hora ISO 8601 en que vence la referencia'),
          voucherUrl: z.string().nullable().default(null).describe('Ficha imprimible del proveedor'),
        }),
      ]),
      z.object({}).strict().describe('Sin instrucciones: el proveedor no respondió'),
    ])
    .describe('CLABE y banco (SPEI), referencia y vigencia (OXXO)'),
  expiresAt: z.date().nullable(),
  confirmedAt: z.date().nullable(),
  createdAt: z.date(),
});

const refundSchema = z.object({
  total: decimal,
  base: decimal,
  iva: decimal,
  unusedMonths: z.number().int().describe('Meses completos no usados que se devuelven'),
});

const clabeSchema = z
  .string()
  .trim()
  .regex(/^\d{18}$/, 'La CLABE tiene 18 dígitos.')
  .refine(isValidClabe, 'Revisa la CLABE: su dígito de control no coincide.');

const checkoutBody = z.object({
  plan: z.enum(PLAN_IDS, { error: 'Elige el plan: "monthly" (mensual) o "annual" (anual).' }),
  method: z.enum(PAYMENT_METHODS, { error: 'Elige cómo pagar: "card", "spei" u "oxxo".' }),
});

export async function subscriptionsRoutes(
  fastify: FastifyInstance,
  options: { subscriptions: SubscriptionsService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/subscription',
    {
      schema: {
        tags,
        summary: 'Estado de la suscripción, días de prueba y planes',
        response: { 200: subscriptionSchema },
      },
    },
    async (request) => options.subscriptions.current(await request.requireActor()),
  );

  app.post(
    '/subscription/checkout',
    {
      schema: {
        tags,
        summary: 'Inicia el pago de un plan y entrega las instrucciones',
        body: checkoutBody,
        response: { 201: z.object({ payment: paymentSchema, warnings: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('subscription.manage');
      reply.status(201);
      return options.subscriptions.checkout(actor, request.body);
    },
  );

  app.get(
    '/subscription/payments',
    {
      schema: {
        tags,
        summary: 'Pagos de la suscripción, el más reciente primero',
        response: { 200: z.object({ data: z.array(paymentSchema), nextCursor: z.null() }) },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('subscription.manage');
      return { data: await options.subscriptions.listPayments(actor), nextCursor: null };
    },
  );

  app.post(
    '/subscription/payments/:id/simulate',
    {
      schema: {
        tags,
        summary: 'Modo de pruebas: simula que el proveedor confirmó el pago',
        params: idParamSchema,
        response: { 200: paymentSchema },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('subscription.manage');
      return options.subscriptions.simulatePayment(actor, request.params.id, request.origin());
    },
  );
  app.get(
    '/subscription/suspension',
    {
      schema: {
        tags,
        summary: 'Qué pasaría al suspender hoy: reembolso y fin del acceso',
        response: {
          200: z.object({
            action: z.enum(['end_of_period', 'refund']),
            status: z.enum(SUBSCRIPTION_STATUSES),
            accessEndsOn: day,
            refund: refundSchema.nullable(),
            refundNeedsClabe: z.boolean().describe('Un pago en efectivo se devuelve por SPEI a una CLABE'),
          }),
        },
      },
    },
    async (request) =>
      options.subscriptions.suspensionPreview(await request.requirePermission('subscription.manage')),
  );

  app.post(
    '/subscription/suspend',
    {
      schema: {
        tags,
        summary:
          'Suspende la suscripción (mensual: al final del periodo; anual: reembolso de meses no usados)',
        body: z.object({ clabe: clabeSchema.optional() }).default({}),
        response: { 200: z.object({ subscription: subscriptionSchema, refund: refundSchema.nullable() }) },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('subscription.manage');
      return options.subscriptions.suspend(actor, request.body, request.origin());
    },
  );

  app.post(
    '/subscription/reactivate',
    {
      schema: {
        tags,
        summary: 'Deshace una suspensión al final del periodo',
        response: { 200: subscriptionSchema },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('subscription.manage');
      return options.subscriptions.reactivate(actor, request.origin());
    },
  );
}

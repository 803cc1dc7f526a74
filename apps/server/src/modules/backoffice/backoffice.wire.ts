import { z } from 'zod';
import { GLOBAL_INVOICE_STATUSES, INVOICE_KINDS, INVOICE_STATUSES } from '../invoicing/invoicing.schema.js';
import { SUBSCRIPTION_STATUSES } from '../subscriptions/subscription-machine.js';
import {
  PAYMENT_METHODS,
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  PLAN_IDS,
  REFUND_STATUSES,
} from '../subscriptions/subscriptions.schema.js';

// The back office's answers (hidden from the public OpenAPI document; the web app types them by hand).

const decimal = z.string();
const page = <Item extends z.ZodType>(item: Item) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const operatorSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  status: z.enum(SUBSCRIPTION_STATUSES).nullable(),
  readOnly: z.boolean(),
  plan: z.enum(PLAN_IDS).nullable(),
  nextPlan: z.enum(PLAN_IDS).nullable(),
  trialEndsAt: z.date().nullable(),
  currentPeriodEnd: z.string().nullable(),
  ownerEmail: z.string().nullable(),
});
export const organizationsPageSchema = page(organizationSchema);

export const paymentSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  plan: z.enum(PLAN_IDS),
  method: z.enum(PAYMENT_METHODS),
  provider: z.enum(PAYMENT_PROVIDERS),
  status: z.enum(PAYMENT_STATUSES),
  total: decimal,
  amountReceived: decimal,
  remaining: decimal,
  reference: z.string(),
  createdAt: z.date(),
  confirmedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export const paymentsPageSchema = page(paymentSchema);

export const refundSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  paymentId: z.uuid(),
  paymentReference: z.string(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  total: decimal,
  channel: z.enum(['provider', 'spei']),
  clabe: z.string().nullable(),
  status: z.enum(REFUND_STATUSES),
  reference: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  issuedAt: z.date().nullable(),
});
export const refundsPageSchema = page(refundSchema);

export const alertsSchema = z.object({
  data: z.array(
    z.object({
      kind: z.string(),
      subjectId: z.string(),
      organizationId: z.uuid().nullable(),
      organizationName: z.string().nullable(),
      message: z.string(),
      since: z.date(),
    }),
  ),
});

export const eventsSchema = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      provider: z.enum(PAYMENT_PROVIDERS),
      eventId: z.string(),
      type: z.string(),
      receivedAt: z.date(),
      processedAt: z.date().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
});

export const invoicesSchema = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      organizationId: z.uuid(),
      organizationName: z.string(),
      kind: z.enum(INVOICE_KINDS),
      status: z.enum(INVOICE_STATUSES),
      serie: z.string(),
      folio: z.number().int(),
      uuid: z.string().nullable(),
      total: z.string(),
      receptorRfc: z.string(),
      receptorName: z.string(),
      pac: z.string(),
      errorCode: z.string().nullable(),
      errorMessage: z.string().nullable(),
      attempts: z.number().int(),
      createdAt: z.date(),
      stampedAt: z.date().nullable(),
    }),
  ),
  globals: z.array(
    z.object({
      id: z.uuid(),
      period: z.string(),
      status: z.enum(GLOBAL_INVOICE_STATUSES),
      serie: z.string(),
      folio: z.number().int(),
      uuid: z.string().nullable(),
      payments: z.number().int(),
      total: z.string(),
      errorMessage: z.string().nullable(),
      stampedAt: z.date().nullable(),
    }),
  ),
});

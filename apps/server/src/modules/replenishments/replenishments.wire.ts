import { z } from 'zod';
import { EXPENSE_STATUSES } from '../expenses/expense-status.js';
import { SAT_STATUSES } from '../expenses/expenses.schema.js';
import { findingSchema } from '../expenses/expenses.wire.js';
import { REPLENISHMENT_ITEM_SOURCES, REPLENISHMENT_STATUSES } from './replenishments.schema.js';

// Request and response shapes of the replenishments API (OpenAPI comes from these).

const decimal = z.string().describe('Importe decimal en pesos, p. ej. "1160.00"');
const person = z.object({ id: z.uuid(), name: z.string() });
const reasonSchema = (what: string) =>
  z.string().trim().min(1, `Escribe ${what}.`).max(500, 'El motivo no puede tener más de 500 caracteres.');

export const voucherSchema = z.object({
  sourceType: z.enum(REPLENISHMENT_ITEM_SOURCES),
  id: z.uuid().describe('El gasto o el arqueo'),
  amount: decimal.describe('Lo que suma a la reposición; un sobrante de arqueo resta (negativo)'),
  date: z.string(),
  expense: z
    .object({
      concept: z.string(),
      supplier: z.object({ rfc: z.string().nullable(), name: z.string().nullable() }),
      cfdiUuid: z.string().nullable(),
      category: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      totalMxn: decimal,
      status: z.enum(EXPENSE_STATUSES),
      sat: z.object({ status: z.enum(SAT_STATUSES), checkedAt: z.date().nullable() }),
      findings: z.array(findingSchema),
    })
    .nullable(),
  cashCount: z
    .object({
      countedAt: z.date(),
      expectedCash: decimal,
      countedCash: decimal,
      difference: decimal,
      kind: z.enum(['shortage', 'overage']),
    })
    .nullable(),
  satCancelled: z.boolean().describe('El SAT reporta el CFDI cancelado: debe excluirse antes de aprobar'),
});

export const replenishmentSchema = z.object({
  id: z.uuid(),
  folio: z.number().int(),
  fund: z.object({ id: z.uuid(), name: z.string(), custodianId: z.uuid() }),
  status: z.enum(REPLENISHMENT_STATUSES),
  total: decimal,
  automatic: z.boolean(),
  itemCount: z.number().int(),
  satCancelledCount: z.number().int(),
  requestedBy: person.nullable(),
  requestedAt: z.date(),
  satCheckedAt: z.date().nullable(),
  approvedBy: person.nullable(),
  approvedAt: z.date().nullable(),
  paidBy: person.nullable(),
  paidAt: z.date().nullable(),
  paymentDate: z.string().nullable(),
  paymentReference: z.string().nullable(),
  movementId: z.uuid().nullable(),
  canceledBy: person.nullable(),
  canceledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
});

export const replenishmentDetailSchema = replenishmentSchema.extend({
  items: z.array(
    z.object({
      id: z.uuid(),
      active: z.boolean(),
      excludedReason: z.string().nullable(),
      voucher: voucherSchema,
    }),
  ),
});

export const eligibleVouchersSchema = z.object({
  fund: z.object({ id: z.uuid(), name: z.string() }),
  vouchers: z.array(voucherSchema),
  defaultTotal: decimal.describe('Total de los comprobantes que entran si no eliges (sin CFDI cancelados)'),
});

const ids = z
  .array(z.uuid('El identificador no es válido.'))
  .max(5000, 'Elige como máximo 5000 comprobantes.');

export const requestBody = z.object({
  fundId: z.uuid('Elige la caja chica.'),
  expenseIds: ids.optional(),
  cashCountIds: ids.optional(),
});

export const excludeBody = z.object({ reason: reasonSchema('por qué se excluye el comprobante') });
export const cancelBody = z.object({ reason: reasonSchema('por qué se cancela la reposición') });
export const payBody = z.object({
  paymentDate: z.iso.date('Escribe la fecha del pago como AAAA-MM-DD.'),
  reference: z
    .string()
    .trim()
    .min(1, 'Escribe la referencia de la transferencia.')
    .max(100, 'La referencia no puede tener más de 100 caracteres.'),
});

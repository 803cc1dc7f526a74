import { z } from 'zod';
import { nameSchema } from '../../platform/http/schemas.js';
import { amountSchema } from '../../platform/money.js';
import { EXPENSE_STATUSES } from '../expenses/expense-status.js';
import { TRAVEL_KINDS } from '../expenses/expenses.schema.js';
import { findingSchema } from '../expenses/expenses.wire.js';
import { ADVANCE_METHODS, ADVANCE_STATUSES, TRIP_SCOPES } from './advances.schema.js';

// Request and response shapes of the advances API (OpenAPI comes from these).

const decimal = z.string().describe('Importe decimal en pesos, p. ej. "1500.00"');
const dateSchema = z.iso.date('Escribe la fecha como AAAA-MM-DD.');
const reference = z.string().trim().max(100, 'La referencia no puede tener más de 100 caracteres.');

const tripSchema = z
  .object({
    scope: z.enum(TRIP_SCOPES, 'Indica si el viaje es en México ("national") o al extranjero ("abroad").'),
    start: dateSchema,
    end: dateSchema,
  })
  .refine((trip) => trip.end >= trip.start, {
    path: ['end'],
    message: 'El viaje termina el mismo día en que empieza o después.',
  });

export const handOutBody = z
  .object({
    employeeId: z.uuid('Elige a quién se entrega el anticipo.'),
    purpose: nameSchema('el motivo del anticipo'),
    amount: amountSchema,
    method: z.enum(
      ADVANCE_METHODS,
      'Indica si se entrega en efectivo de una caja ("fund_cash") o por transferencia ("transfer").',
    ),
    fundId: z.uuid('Elige una caja chica.').nullable().optional(),
    transferReference: reference.nullable().optional(),
    dueDate: dateSchema.describe('Fecha límite para comprobar los gastos'),
    trip: tripSchema.optional().describe('Viáticos: el viaje, para los límites diarios deducibles'),
  })
  .superRefine((body, ctx) => {
    if (body.method === 'fund_cash' && !body.fundId)
      ctx.addIssue({
        code: 'custom',
        path: ['fundId'],
        message: 'Elige la caja chica de la que sale el efectivo.',
      });
    if (body.method === 'transfer' && body.fundId)
      ctx.addIssue({
        code: 'custom',
        path: ['fundId'],
        message: 'Un anticipo por transferencia no sale de una caja chica: quita la caja.',
      });
    if (body.method === 'transfer' && !body.transferReference)
      ctx.addIssue({
        code: 'custom',
        path: ['transferReference'],
        message: 'Escribe la referencia de la transferencia (clave de rastreo o folio del banco).',
      });
  });

export const settleBody = z.object({
  reference: reference
    .optional()
    .describe('Referencia de la transferencia de la diferencia (anticipos por transferencia)'),
});

export const reimburseBody = z.object({
  method: z.enum(
    ['transfer', 'fund_cash'],
    'Indica si el reembolso es por transferencia o en efectivo de una caja.',
  ),
  fundId: z.uuid('Elige una caja chica.').nullable().optional(),
  reference: reference.nullable().optional(),
});

const person = z.object({ id: z.uuid(), name: z.string() });

export const advanceSchema = z.object({
  id: z.uuid(),
  folio: z.number().int(),
  employee: person,
  purpose: z.string(),
  amount: decimal,
  method: z.enum(ADVANCE_METHODS),
  fund: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  transferReference: z.string().nullable(),
  status: z.enum(ADVANCE_STATUSES),
  dueDate: z.string(),
  overdue: z.boolean().describe('Abierto y con la fecha límite vencida'),
  trip: z.object({ scope: z.enum(TRIP_SCOPES), start: z.string(), end: z.string() }).nullable(),
  handedOutBy: person,
  handedOutAt: z.date(),
  movementId: z.uuid().nullable(),
  settlement: z
    .object({
      expenses: decimal.describe('Gastos aprobados con que se comprobó'),
      difference: decimal.describe(
        'Anticipo − gastos: positivo lo devolvió el empleado; negativo se le reembolsó',
      ),
      method: z.enum(ADVANCE_METHODS),
      reference: z.string().nullable(),
      movementId: z.uuid().nullable(),
      settledBy: person.nullable(),
      settledAt: z.date(),
    })
    .nullable(),
  createdAt: z.date(),
});

export const advanceDetailSchema = advanceSchema.extend({
  expenses: z.array(
    z.object({
      id: z.uuid(),
      date: z.string(),
      concept: z.string(),
      status: z.enum(EXPENSE_STATUSES),
      totalMxn: decimal,
      travelKind: z.enum(TRAVEL_KINDS).nullable(),
      findings: z.array(findingSchema),
    }),
  ),
  totals: z.object({
    approved: decimal,
    pendingDecision: decimal.describe('Gastos en borrador o por aprobar'),
    rejected: decimal,
    remaining: decimal.describe('Anticipo − aprobados − pendientes (negativo: se gastó de más)'),
    waiting: z.object({ draft: z.number().int(), submitted: z.number().int() }),
  }),
  preview: z
    .object({ expenses: decimal, toReturn: decimal, toPay: decimal })
    .describe('Lo que haría liquidar ahora: el empleado devuelve toReturn o se le paga toPay'),
});

export const advanceListSchema = z.object({
  data: z.array(advanceSchema),
  nextCursor: z.string().nullable(),
});

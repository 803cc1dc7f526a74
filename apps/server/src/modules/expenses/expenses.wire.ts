import { z } from 'zod';
import { EXPENSE_STATUSES, PAYMENT_METHODS } from './expense-status.js';
import { SAT_STATUSES, TRAVEL_KINDS } from './expenses.schema.js';

// Response shapes of the expenses API (OpenAPI comes from these).

const decimal = z.string().describe('Importe decimal, p. ej. "1160.00"');
export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const expenseSchema = z.object({
  id: z.uuid(),
  status: z.enum(EXPENSE_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  fundId: z.uuid().nullable(),
  spender: z.object({ id: z.uuid(), name: z.string() }),
  date: z.string(),
  concept: z.string(),
  categoryId: z.uuid().nullable(),
  costCenterId: z.uuid().nullable(),
  supplier: z.object({ rfc: z.string().nullable(), name: z.string().nullable() }),
  currency: z.string(),
  exchangeRate: decimal.nullable(),
  subtotal: decimal,
  discount: decimal,
  taxes: z.object({
    ivaTransferred: decimal,
    iepsTransferred: decimal,
    isrWithheld: decimal,
    ivaWithheld: decimal,
    localTransferred: decimal,
    localWithheld: decimal,
  }),
  total: decimal,
  totalMxn: decimal,
  invoicePending: z.boolean(),
  cfdi: z
    .object({
      uuid: z.string(),
      version: z.string().nullable(),
      type: z.string().nullable(),
      issuedAt: z.string().nullable(),
      use: z.string().nullable(),
      paymentForm: z.string().nullable(),
      paymentMethod: z.string().nullable(),
      receiverRfc: z.string().nullable(),
    })
    .nullable(),
  sat: z.object({ status: z.enum(SAT_STATUSES), checkedAt: z.date().nullable() }),
  findings: z.array(findingSchema),
  toRecover: z.boolean(),
  submittedAt: z.date().nullable(),
  autoApproved: z.boolean(),
  advanceId: z.uuid().nullable().describe('El anticipo contra el que se comprobó, si alguno'),
  travelKind: z.enum(TRAVEL_KINDS).nullable(),
  reimbursement: z
    .object({
      method: z.enum(['transfer', 'fund_cash']),
      fundId: z.uuid().nullable(),
      reference: z.string().nullable(),
      reimbursedAt: z.date(),
    })
    .nullable()
    .describe('Cuándo y cómo se reembolsó al empleado un gasto que pagó con su dinero'),
  decidedAt: z.date().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const expenseListSchema = z.object({
  data: z.array(expenseSchema),
  nextCursor: z.string().nullable(),
});

/** What an import answers of each created expense (a big import answers thousands of them). */
export const importedExpenseSchema = expenseSchema.pick({
  id: true,
  status: true,
  paymentMethod: true,
  fundId: true,
  date: true,
  concept: true,
  categoryId: true,
  supplier: true,
  currency: true,
  total: true,
  totalMxn: true,
});

export const importResponseSchema = z.object({
  results: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['created', 'duplicate', 'rejected']),
      expense: importedExpenseSchema.optional(),
      existingExpenseId: z.uuid().optional(),
      findings: z.array(findingSchema),
    }),
  ),
});

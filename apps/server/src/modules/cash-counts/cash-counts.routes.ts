import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import type { CashCountsService } from './cash-counts.service.js';
import { canonicalDenomination, pieceKey } from './denominations.js';

const tags = ['Arqueos'];
const decimal = z.string().describe('Importe decimal en pesos, p. ej. "1500.00"');
const KINDS = ['bill', 'coin'] as const;
const UNKNOWN_DENOMINATION =
  'Denominación desconocida: los billetes son de $1000, $500, $200, $100, $50 y $20; las monedas, de $20, $10, $5, $2, $1 y $0.50.';

const countLine = z
  .object({
    kind: z.enum(KINDS, 'Indica si es billete ("bill") o moneda ("coin").'),
    denomination: z.string().trim().max(10).describe('Valor de la pieza en pesos, p. ej. "500.00" o "0.50"'),
    quantity: z
      .number('Escribe cuántas piezas contaste.')
      .int('La cantidad es un número entero de piezas.')
      .min(0, 'La cantidad no puede ser negativa.')
      .max(1_000_000, 'Revisa la cantidad: es demasiado grande.'),
  })
  .superRefine((line, ctx) => {
    if (canonicalDenomination(line.kind, line.denomination) === null)
      ctx.addIssue({ code: 'custom', path: ['denomination'], message: UNKNOWN_DENOMINATION });
  });

const countBody = z.object({
  counts: z
    .array(countLine)
    .min(1, 'Indica al menos una denominación contada.')
    .max(12, 'Hay 12 denominaciones: indica cada una una sola vez.')
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((line, index) => {
        const key = pieceKey(line);
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'denomination'],
            message: 'Esa denominación ya está en la lista: indica cada una una sola vez.',
          });
        seen.add(key);
      });
    }),
  witnessId: z.uuid('Elige al testigo del arqueo.').nullable().optional(),
  notes: z.string().trim().max(500, 'Las notas no pueden tener más de 500 caracteres.').optional(),
});

const person = z.object({ id: z.uuid(), name: z.string() });
export const cashCountSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  counts: z.array(z.object({ kind: z.enum(KINDS), denomination: decimal, quantity: z.number().int() })),
  countedCash: decimal,
  expectedCash: decimal.describe('El efectivo que según el libro de la caja debía haber'),
  difference: decimal.describe('Contado − esperado: negativo es faltante, positivo sobrante'),
  result: z.enum(['exact', 'shortage', 'overage']),
  custodian: person,
  witness: person.nullable(),
  recordedBy: person,
  notes: z.string().nullable(),
  movementId: z.uuid().nullable().describe('El movimiento de faltante o sobrante (null si cuadró)'),
  countedAt: z.date(),
});

export async function cashCountsRoutes(fastify: FastifyInstance, options: { cashCounts: CashCountsService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { cashCounts } = options;

  app.post(
    '/funds/:id/cash-counts',
    {
      schema: {
        tags,
        summary:
          'Registrar un arqueo por denominación (responsable de la caja o administrador): la diferencia queda como faltante o sobrante',
        params: idParamSchema,
        body: countBody,
        response: { 201: cashCountSchema },
      },
    },
    async (request, reply) => {
      const actor = await request.requireActor();
      const view = await cashCounts.countCash(actor, request.params.id, request.body, request.origin());
      reply.status(201);
      return view;
    },
  );

  app.get(
    '/funds/:id/cash-counts',
    {
      schema: {
        tags,
        summary: 'Arqueos de la caja, del más reciente al más antiguo',
        params: idParamSchema,
        querystring: paginationQuerySchema,
        response: { 200: z.object({ data: z.array(cashCountSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => cashCounts.listForFund(await request.requireActor(), request.params.id, request.query),
  );

  app.get(
    '/cash-counts/:id',
    {
      schema: { tags, summary: 'Un arqueo', params: idParamSchema, response: { 200: cashCountSchema } },
    },
    async (request) => cashCounts.get(await request.requireActor(), request.params.id),
  );
}

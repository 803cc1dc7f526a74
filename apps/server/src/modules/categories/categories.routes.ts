import { USOS_CFDI } from '@cajachica/cfdi';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, nameSchema } from '../../platform/http/schemas.js';
import type { CategoriesService } from './categories.service.js';

const tags = ['Catálogos'];
const USO_KEYS = new Set(USOS_CFDI.map((uso) => uso.key));
const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,30}$/, 'La clave lleva de 1 a 30 letras, números, guiones o guiones bajos.');

const categoryBody = z.object({
  code: codeSchema,
  name: nameSchema('el nombre de la categoría'),
  satAccountCode: z
    .string()
    .trim()
    .regex(/^\d{3}(\.\d{2})?$/, 'El código agrupador del SAT tiene la forma 601 o 601.55.'),
  accountCode: z.string().trim().max(40).nullable().optional(),
  cfdiUses: z
    .array(z.string().refine((key) => USO_KEYS.has(key), 'Uso del CFDI desconocido en el catálogo del SAT.'))
    .min(1, 'Indica al menos un uso del CFDI para esta categoría.')
    .max(30),
  isFuel: z.boolean().optional(),
  active: z.boolean().optional(),
});
const categoryView = categoryBody.extend({
  id: z.uuid(),
  accountCode: z.string().nullable(),
  isFuel: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const costCenterBody = z.object({
  code: codeSchema,
  name: nameSchema('el nombre del centro de costos'),
  active: z.boolean().optional(),
});
const costCenterView = costCenterBody.extend({
  id: z.uuid(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.null() });
const atLeastOneField = (body: object) => Object.keys(body).length > 0;

export async function categoriesRoutes(fastify: FastifyInstance, options: { categories: CategoriesService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { categories } = options;

  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Categorías de gasto (con su cuenta contable)',
        response: { 200: listOf(categoryView) },
      },
    },
    async (request) => categories.listCategories(await request.requireActor()),
  );
  app.post(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Crear una categoría de gasto',
        body: categoryBody,
        response: { 201: categoryView },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('categories.manage');
      reply.status(201);
      return categories.createCategory(actor, request.body, request.origin());
    },
  );
  app.patch(
    '/categories/:id',
    {
      schema: {
        tags,
        summary: 'Cambiar una categoría (o desactivarla)',
        params: idParamSchema,
        body: categoryBody.partial().refine(atLeastOneField, 'Indica qué quieres cambiar.'),
        response: { 200: categoryView },
      },
    },
    async (request) =>
      categories.updateCategory(
        await request.requirePermission('categories.manage'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );

  app.get(
    '/cost-centers',
    { schema: { tags, summary: 'Centros de costos', response: { 200: listOf(costCenterView) } } },
    async (request) => categories.listCostCenters(await request.requireActor()),
  );
  app.post(
    '/cost-centers',
    {
      schema: {
        tags,
        summary: 'Crear un centro de costos',
        body: costCenterBody,
        response: { 201: costCenterView },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('categories.manage');
      reply.status(201);
      return categories.createCostCenter(actor, request.body, request.origin());
    },
  );
  app.patch(
    '/cost-centers/:id',
    {
      schema: {
        tags,
        summary: 'Cambiar un centro de costos (o desactivarlo)',
        params: idParamSchema,
        body: costCenterBody.partial().refine(atLeastOneField, 'Indica qué quieres cambiar.'),
        response: { 200: costCenterView },
      },
    },
    async (request) =>
      categories.updateCostCenter(
        await request.requirePermission('categories.manage'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );
}

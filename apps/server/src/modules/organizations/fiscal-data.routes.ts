import { REGIMENES_FISCALES, USOS_CFDI } from '@cajachica/cfdi';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailSchema } from '../../platform/http/schemas.js';
import type { FiscalDataService } from './fiscal-data.service.js';

const tags = ['Organización'];
const fieldSchema = (max: number, what: string) => z.string().trim().min(1, `Escribe ${what}.`).max(max);
const fiscalDataBody = z.object({
  rfc: fieldSchema(13, 'el RFC'),
  legalName: fieldSchema(254, 'la razón social'),
  taxRegime: fieldSchema(3, 'el régimen fiscal'),
  postalCode: fieldSchema(5, 'el código postal'),
  cfdiUse: fieldSchema(4, 'el uso del CFDI'),
  invoiceEmail: emailSchema,
});
const fiscalDataView = fiscalDataBody.extend({ updatedAt: z.date() });
const warningsSchema = z.array(z.object({ path: z.string(), message: z.string() }));

export async function fiscalDataRoutes(fastify: FastifyInstance, options: { fiscalData: FiscalDataService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { fiscalData } = options;

  app.get(
    '/organization/fiscal-data',
    { schema: { tags, summary: 'Datos fiscales de la organización', response: { 200: fiscalDataView } } },
    async (request) => fiscalData.get(await request.requirePermission('members.read')),
  );

  app.put(
    '/organization/fiscal-data',
    {
      schema: {
        tags,
        summary: 'Capturar o cambiar los datos fiscales (como en la Constancia de Situación Fiscal)',
        body: fiscalDataBody,
        response: { 200: fiscalDataView.extend({ warnings: warningsSchema }) },
      },
    },
    async (request) =>
      fiscalData.put(
        await request.requirePermission('organization.fiscal-data.manage'),
        request.body,
        request.origin(),
      ),
  );

  app.get(
    '/catalogs/fiscal',
    {
      schema: {
        tags: ['Catálogos SAT'],
        summary: 'Regímenes fiscales y usos del CFDI (con su compatibilidad)',
        response: {
          200: z.object({
            regimenesFiscales: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                personaFisica: z.boolean(),
                personaMoral: z.boolean(),
              }),
            ),
            usosCfdi: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                personaFisica: z.boolean(),
                personaMoral: z.boolean(),
                regimenesReceptor: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ regimenesFiscales: [...REGIMENES_FISCALES], usosCfdi: [...USOS_CFDI] }),
  );
}

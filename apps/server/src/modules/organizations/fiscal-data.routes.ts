import { REGIMENES_FISCALES, USOS_CFDI } from '@cajachica/cfdi';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.js';
import { emailSchema } from '../../platform/http/schemas.js';
import { constanciaPrefill, readConstancia } from './constancia.js';
import { CONSTANCIA_MAX_BYTES, constanciaErrors } from './constancia-errors.js';
import { looksLikePdf } from './constancia-lines.js';
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
const constanciaView = z.object({
  rfc: z.string().nullable(),
  legalName: z.string().nullable(),
  taxRegime: z.string().nullable().describe('La clave del régimen vigente cuando es uno solo.'),
  taxRegimes: z
    .array(z.object({ key: z.string(), name: z.string() }))
    .describe('Los regímenes vigentes de la constancia (c_RegimenFiscal).'),
  postalCode: z.string().nullable(),
  personType: z.enum(['moral', 'fisica']).nullable(),
  idCif: z.string().nullable(),
  warnings: warningsSchema,
  missing: warningsSchema,
});

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

  // Its own scope: multipart/form-data is parsed here only, with this route's limits.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: CONSTANCIA_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/organization/fiscal-data/constancia',
      {
        // Reading a PDF takes the CPU for a while: a few per minute are plenty for a person.
        config: { rateLimit: { max: 30, windowMs: 60_000 } },
        schema: {
          tags,
          summary: 'Leer la Constancia de Situación Fiscal (PDF) para llenar los datos fiscales',
          description:
            'multipart/form-data con un campo `file`: el PDF de la constancia tal como lo descarga el SAT (máximo 5 MB). Responde el RFC, la razón social (o el nombre), el código postal y los regímenes vigentes que encontró en su texto, con avisos y lo que falta. No guarda nada: revisa los datos y guárdalos con PUT /organization/fiscal-data.',
          consumes: ['multipart/form-data'],
          response: { 200: constanciaView },
        },
      },
      async (request) => {
        await request.requirePermission('organization.fiscal-data.manage');
        if (!request.isMultipart()) {
          throw badRequest(
            'MULTIPART_REQUIRED',
            'Envía la constancia como multipart/form-data en el campo file.',
          );
        }
        const part = await request.file();
        if (!part) {
          throw badRequest('NO_FILES', 'No recibimos la constancia: adjunta el PDF en el campo file.', [
            { path: 'file', message: 'Adjunta el PDF de tu Constancia de Situación Fiscal.' },
          ]);
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if (error instanceof scope.multipartErrors.RequestFileTooLargeError)
            throw constanciaErrors.tooLarge();
          throw error;
        }
        if (!looksLikePdf(bytes)) throw constanciaErrors.notPdf();
        return constanciaPrefill(await readConstancia(bytes));
      },
    );
  });

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

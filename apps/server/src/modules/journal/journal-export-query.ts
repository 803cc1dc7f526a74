import { z } from 'zod';
import { TIPOS_SOLICITUD } from './sat-polizas-xml.js';

export const JOURNAL_FORMATS = ['csv', 'xlsx', 'contpaqi', 'aspel', 'sat-xml'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

const dateSchema = z.iso.date('Escribe la fecha como AAAA-MM-DD.');

// Anexo 24: NumOrden identifies an audit (AF) or a compulsa (FC); NumTramite a refund (DE) or an
// offset (CO). Each is required for its kinds of request and makes no sense for the others.
const NEEDS_ORDER: readonly string[] = ['AF', 'FC'];

export const journalExportQuery = z
  .object({
    format: z.enum(JOURNAL_FORMATS, 'Elige el formato: csv, xlsx, contpaqi, aspel o sat-xml.'),
    from: dateSchema.optional().describe('Desde (inclusive), fecha de pago AAAA-MM-DD'),
    to: dateSchema.optional().describe('Hasta (inclusive), fecha de pago AAAA-MM-DD'),
    tipoSolicitud: z
      .enum(TIPOS_SOLICITUD, 'El tipo de solicitud es AF, FC, DE o CO (Anexo 24).')
      .optional()
      .describe(
        'Solo sat-xml: AF acto de fiscalización, FC fiscalización compulsa, DE devolución, CO compensación',
      ),
    numOrden: z
      .string()
      .regex(/^[A-Z]{3}[0-9]{7}\/[0-9]{2}$/, 'El número de orden tiene la forma ABC1234567/26.')
      .optional()
      .describe('Solo sat-xml con AF o FC'),
    numTramite: z
      .string()
      .regex(/^[A-Z]{2}[0-9]{12}$/, 'El número de trámite tiene la forma AB123456789012.')
      .optional()
      .describe('Solo sat-xml con DE o CO'),
  })
  .superRefine((query, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (query.from && query.to && query.from > query.to)
      problem('to', 'La fecha final debe ser igual o posterior a la inicial.');
    if (query.format !== 'sat-xml') return;
    if (!query.from || !query.to || query.from.slice(0, 7) !== query.to.slice(0, 7))
      problem(
        'from',
        'El XML de pólizas del SAT es de un solo mes: indica desde y hasta dentro del mismo mes.',
      );
    if (!query.tipoSolicitud) {
      problem('tipoSolicitud', 'Indica el tipo de solicitud del SAT: AF, FC, DE o CO.');
      return;
    }
    const needsOrder = NEEDS_ORDER.includes(query.tipoSolicitud);
    if (needsOrder && !query.numOrden)
      problem(
        'numOrden',
        `Con el tipo de solicitud ${query.tipoSolicitud} indica el número de orden (ABC1234567/26).`,
      );
    if (!needsOrder && !query.numTramite)
      problem(
        'numTramite',
        `Con el tipo de solicitud ${query.tipoSolicitud} indica el número de trámite (AB123456789012).`,
      );
    if (needsOrder && query.numTramite)
      problem('numTramite', `El número de trámite es para solicitudes DE o CO, no ${query.tipoSolicitud}.`);
    if (!needsOrder && query.numOrden)
      problem('numOrden', `El número de orden es para solicitudes AF o FC, no ${query.tipoSolicitud}.`);
  });

export type JournalExportQuery = z.infer<typeof journalExportQuery>;

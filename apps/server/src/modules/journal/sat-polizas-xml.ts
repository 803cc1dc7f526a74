import { Readable } from 'node:stream';
import { money, toCentavos } from '../../platform/money.js';
import type { CfdiReference, JournalEntry, JournalLine } from './journal-entry.js';
import { polizaNumber } from './journal-lines.js';

// Pólizas del periodo for the SAT's electronic accounting (Anexo 24 de la RMF, PolizasPeriodo 1.3),
// written as it streams: a póliza per replenishment, a Transaccion per line, a CompNal per CFDI.

export const PLZ_NAMESPACE = 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/PolizasPeriodo';
const SCHEMA_LOCATION = `${PLZ_NAMESPACE} ${PLZ_NAMESPACE}/PolizasPeriodo_1_3.xsd`;

export const TIPOS_SOLICITUD = ['AF', 'FC', 'DE', 'CO'] as const;
export type TipoSolicitud = (typeof TIPOS_SOLICITUD)[number];

export interface PolizasRequest {
  rfc: string;
  /** YYYY-MM: the month the pólizas belong to. */
  month: string;
  tipoSolicitud: TipoSolicitud;
  /** The audit's order number (AF, FC) or the refund/offset procedure's number (DE, CO). */
  numOrden?: string | undefined;
  numTramite?: string | undefined;
}

// The XSD's own patterns: a CompNal whose UUID or RFC would not validate is left out rather than
// making the whole file unacceptable to the SAT.
const UUID_PATTERN = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
const RFC_PATTERN = /^[A-ZÑ&]{3,4}[0-9]{2}[0-1][0-9][0-3][0-9][A-Z0-9]?[A-Z0-9]?[0-9A-Z]?$/;
// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const HAS_NOT_XML = new RegExp(NOT_XML.source, 'u');
const TO_ESCAPE = /[&<>"\t\n\r]/;

/** Text for an attribute of at most `length` characters (the XSD's maxLength counts characters). */
function text(value: string, length: number): string {
  let clean = (HAS_NOT_XML.test(value) ? value.replace(NOT_XML, ' ') : value).trim();
  // Code points are never more than UTF-16 units: only a longer text needs counting.
  if (clean.length > length) clean = Array.from(clean).slice(0, length).join('');
  if (clean === '') return '-';
  return TO_ESCAPE.test(clean) ? clean.replace(/[&<>"\t\n\r]/g, (char) => ESCAPES[char] ?? char) : clean;
}

type Attributes = [string, string | undefined][];

/** Attributes in the XSD's order; absent ones are left out. Values arrive already escaped. */
const attributesText = (attributes: Attributes) =>
  attributes
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');

function element(name: string, attributes: Attributes, children?: string[]): string {
  const attrs = attributesText(attributes);
  return children ? `<PLZ:${name}${attrs}>${children.join('')}</PLZ:${name}>` : `<PLZ:${name}${attrs}/>`;
}

function compNal(cfdi: CfdiReference | null): string[] {
  if (!cfdi || !UUID_PATTERN.test(cfdi.uuid) || !RFC_PATTERN.test(cfdi.rfc)) return [];
  const foreign = cfdi.currency !== 'MXN';
  return [
    element('CompNal', [
      ['UUID_CFDI', cfdi.uuid],
      ['RFC', text(cfdi.rfc, 13)],
      ['MontoTotal', toCentavos(cfdi.total)],
      // Moneda and TipCamb only when the CFDI is not in pesos (Anexo 24).
      ['Moneda', foreign ? cfdi.currency : undefined],
      [
        'TipCamb',
        foreign && cfdi.exchangeRate ? money(cfdi.exchangeRate).toDecimalPlaces(5).toString() : undefined,
      ],
    ]),
  ];
}

function transaccion(line: JournalLine): string {
  return element(
    'Transaccion',
    [
      ['NumCta', text(line.account.code, 100)],
      ['DesCta', text(line.account.name, 100)],
      ['Concepto', text(line.description, 200)],
      ['Debe', line.debit],
      ['Haber', line.credit],
    ],
    compNal(line.cfdi),
  );
}

/** One póliza: the replenishment's payment as NumUnIdenPol EG-folio, dated on the payment. */
export function polizaXml(entry: JournalEntry): string {
  return element(
    'Poliza',
    [
      ['NumUnIdenPol', polizaNumber(entry)],
      ['Fecha', entry.date ?? ''],
      ['Concepto', text(entry.concept, 300)],
    ],
    entry.lines.map(transaccion),
  );
}

function openingTag(request: PolizasRequest): string {
  const [year, month] = request.month.split('-');
  const attributes: Attributes = [
    ['xmlns:PLZ', PLZ_NAMESPACE],
    ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
    ['xsi:schemaLocation', SCHEMA_LOCATION],
    ['Version', '1.3'],
    ['RFC', text(request.rfc, 13)],
    ['Mes', month],
    ['Anio', year],
    ['TipoSolicitud', request.tipoSolicitud],
    ['NumOrden', request.numOrden],
    ['NumTramite', request.numTramite],
  ];
  return `<PLZ:Polizas${attributesText(attributes)}>`;
}

async function* xmlText(request: PolizasRequest, batches: AsyncIterable<JournalEntry[]>) {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${openingTag(request)}\n`;
  for await (const entries of batches) yield entries.map((entry) => `${polizaXml(entry)}\n`).join('');
  yield '</PLZ:Polizas>\n';
}

/** The SAT's XML of the month's pólizas, streamed batch by batch (the caller checks there is one). */
export function satPolizasXml(request: PolizasRequest, batches: AsyncIterable<JournalEntry[]>): Readable {
  return Readable.from(xmlText(request, batches), { objectMode: false });
}

/** The file name the SAT's Anexo 24 gives it: RFC, year, month and PL (e.g. AAA010101AAA202606PL.xml). */
export function satPolizasFileName(request: PolizasRequest): string {
  return `${request.rfc}${request.month.replace('-', '')}PL.xml`;
}

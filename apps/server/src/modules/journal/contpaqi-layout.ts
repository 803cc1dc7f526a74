import type { Readable } from 'node:stream';
import {
  amountCell,
  type CellValue,
  dateCell,
  streamedSheet,
} from '../../platform/exports/streamed-workbook.js';
import type { JournalEntry } from './journal-entry.js';

/**
 * CONTPAQi Contabilidad's Excel layout for importing pólizas (docs/journal-exports.md, with its
 * sources): the first rows are the legend naming each record type and its fields, then each póliza
 * is a P row followed by its M1 movements (each with an AM row when a CFDI backs it) and one AD row
 * per CFDI of the póliza. Only the record types this file uses are in the legend.
 */
const LEGEND: readonly (readonly string[])[] = [
  [
    'Póliza(P)',
    'Fecha',
    'TipoPol',
    'Folio',
    'Clase',
    'IdDiario',
    'Concepto',
    'SistOrig',
    'Impresa',
    'Ajuste',
    'Guid',
  ],
  [
    'Movimiento de póliza(M1)',
    'IdCuenta',
    'Referencia',
    'TipoMovto',
    'Importe',
    'IdDiario',
    'ImporteME',
    'Concepto',
    'IdSegNeg',
    'Guid',
    'FechaAplicacion',
  ],
  ['Asociación movimiento(AM)', 'UUID'],
  ['Asociación documento(AD)', 'UUID'],
];

/** CONTPAQi's predefined póliza types: 1 Ingresos, 2 Egresos, 3 Diario. */
const TIPO_POL_EGRESOS = 2;
/** Clase 1: a normal póliza (not statistical). */
const CLASE_NORMAL = 1;
/** SistOrig 11: captured in Contabilidad (the value CONTPAQi writes for pólizas of its own). */
const SIST_ORIG_CONTABILIDAD = 11;
const NO_DIARIO = 0;
const CONCEPT_LENGTH = 100;

/** At most `length` characters (code points; a text of no more UTF-16 units needs no counting). */
const truncate = (text: string, length: number) =>
  text.length <= length ? text : Array.from(text).slice(0, length).join('');

/** The rows of one póliza, as CONTPAQi reads them. */
export function contpaqiRows(entry: JournalEntry): CellValue[][] {
  const date = dateCell(entry.date ?? '');
  const rows: CellValue[][] = [
    [
      'P',
      date,
      TIPO_POL_EGRESOS,
      entry.folio,
      CLASE_NORMAL,
      NO_DIARIO,
      truncate(entry.concept, CONCEPT_LENGTH),
      SIST_ORIG_CONTABILIDAD,
      0,
      0,
      // The replenishment's id: importing the same póliza twice is recognizable.
      entry.replenishmentId.toUpperCase(),
    ],
  ];
  const documents = new Set<string>();
  for (const line of entry.lines) {
    const isDebit = line.debit !== '0.00';
    rows.push([
      'M1',
      line.account.code,
      `REP${entry.folio}`,
      isDebit ? 0 : 1,
      amountCell(isDebit ? line.debit : line.credit),
      NO_DIARIO,
      0,
      truncate(line.description, CONCEPT_LENGTH),
      '',
      '',
      date,
    ]);
    if (line.cfdi) {
      rows.push(['AM', line.cfdi.uuid]);
      documents.add(line.cfdi.uuid);
    }
  }
  for (const uuid of documents) rows.push(['AD', uuid]);
  return rows;
}

function* sheetRows(entries: readonly JournalEntry[]) {
  for (const entry of entries) yield* contpaqiRows(entry);
}

/** P's Fecha (column B) and M1's FechaAplicacion (column K) are dates, shown as CONTPAQi writes them. */
const COLUMNS = Array.from({ length: 11 }, (_, index) => ({
  numFmt: index === 1 || index === 10 ? 'dd/mm/yyyy' : undefined,
}));

/** The pólizas in CONTPAQi's import layout (XLSX, first sheet). */
export function contpaqiXlsx(batches: AsyncIterable<JournalEntry[]>): Readable {
  return streamedSheet('Pólizas', { columns: COLUMNS }, async (sheet) => {
    for (const legend of LEGEND) sheet.add(legend);
    for await (const entries of batches) await sheet.batch(sheetRows(entries));
  });
}

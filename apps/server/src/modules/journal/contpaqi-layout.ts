import type { Readable } from 'node:stream';
import { amountCell, dateCell, streamedWorkbook } from '../../platform/exports/streamed-workbook.js';
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

const truncate = (text: string, length: number) => Array.from(text).slice(0, length).join('');

/** The rows of one póliza, as CONTPAQi reads them. */
export function contpaqiRows(entry: JournalEntry): (string | number | Date | null)[][] {
  const date = dateCell(entry.date ?? '');
  const rows: (string | number | Date | null)[][] = [
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

/** The pólizas in CONTPAQi's import layout (XLSX, first sheet). */
export function contpaqiXlsx(batches: AsyncIterable<JournalEntry[]>): Readable {
  return streamedWorkbook(async (workbook, pace) => {
    const sheet = workbook.addWorksheet('Pólizas');
    // P's Fecha and M1's FechaAplicacion are dates.
    for (const column of [2, 12]) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';
    for (const legend of LEGEND) sheet.addRow([...legend]).commit();
    for await (const entries of batches) {
      for (const entry of entries) for (const row of contpaqiRows(entry)) sheet.addRow(row).commit();
      await pace();
    }
    sheet.commit();
  });
}

import type { Readable } from 'node:stream';
import { amountCell, dateCell, streamedSheet } from '../../platform/exports/streamed-workbook.js';
import type { JournalEntry } from './journal-entry.js';
import { linesOf } from './journal-lines.js';

/**
 * A sheet for Aspel COI's Excel póliza integration: one row per movement with the fields a COI
 * póliza has (type, number, date, concept; account, department, concept, exchange rate, debit,
 * credit) and the CFDI it relates to. Aspel publishes no column layout we could source (COI uses
 * templates each installation provides), so this file is NOT verified against COI: see
 * docs/journal-exports.md before relying on it.
 */
const HEADERS = [
  'Tipo de póliza',
  'Número de póliza',
  'Fecha',
  'Concepto de la póliza',
  'Cuenta',
  'Departamento',
  'Concepto del movimiento',
  'Tipo de cambio',
  'Debe',
  'Haber',
  'UUID',
  'RFC',
];
const WIDTHS = [8, 10, 12, 40, 14, 8, 48, 10, 14, 14, 38, 15];

/** COI names its póliza types Dr (diario), Ig (ingresos) and Eg (egresos). */
const EGRESOS = 'Eg';
/** Amounts are booked in pesos (the CFDI's currency and rate travel with the UUID). */
const PESOS = 1;
const NO_DEPARTMENT = 0;

/** Fecha (column C) is a date; Debe and Haber (I, J) amounts. */
const COLUMNS = WIDTHS.map((width, index) => ({
  width,
  numFmt: index === 2 ? 'dd/mm/yyyy' : index === 8 || index === 9 ? '#,##0.00' : undefined,
}));

function* sheetRows(entries: readonly JournalEntry[]) {
  for (const [entry, line] of linesOf(entries)) {
    yield [
      EGRESOS,
      entry.folio,
      dateCell(entry.date ?? ''),
      entry.concept,
      line.account.code,
      NO_DEPARTMENT,
      line.description,
      PESOS,
      amountCell(line.debit),
      amountCell(line.credit),
      line.cfdi?.uuid ?? '',
      line.cfdi?.rfc ?? '',
    ];
  }
}

export function aspelXlsx(batches: AsyncIterable<JournalEntry[]>): Readable {
  return streamedSheet('Pólizas', { columns: COLUMNS, frozenHeader: true }, async (sheet) => {
    sheet.add(HEADERS, { bold: true });
    for await (const entries of batches) await sheet.batch(sheetRows(entries));
  });
}

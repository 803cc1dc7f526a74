import type { JournalEntry, JournalLine } from './journal-entry.js';

// The journal as people read it: one row per line of each póliza, every row saying which
// replenishment, account and CFDI it belongs to (CSV and XLSX share these columns).

export type ColumnKind = 'text' | 'amount' | 'date' | 'integer';

export interface JournalColumn {
  header: string;
  kind: ColumnKind;
  /** Spreadsheet width in characters. */
  width: number;
  value(entry: JournalEntry, line: JournalLine): string;
}

/** "EG-12": the póliza de egresos of replenishment folio 12 (its NumUnIdenPol in the SAT's XML). */
export const polizaNumber = (entry: JournalEntry) => `EG-${entry.folio}`;

export const JOURNAL_COLUMNS: readonly JournalColumn[] = [
  { header: 'Póliza', kind: 'text', width: 10, value: polizaNumber },
  { header: 'Folio de reposición', kind: 'integer', width: 10, value: (entry) => String(entry.folio) },
  { header: 'Fecha de pago', kind: 'date', width: 12, value: (entry) => entry.date ?? '' },
  { header: 'Caja', kind: 'text', width: 24, value: (entry) => entry.fundName },
  { header: 'Cuenta', kind: 'text', width: 12, value: (_entry, line) => line.account.code },
  { header: 'Nombre de la cuenta', kind: 'text', width: 32, value: (_entry, line) => line.account.name },
  { header: 'Concepto', kind: 'text', width: 48, value: (_entry, line) => line.description },
  { header: 'Debe', kind: 'amount', width: 14, value: (_entry, line) => line.debit },
  { header: 'Haber', kind: 'amount', width: 14, value: (_entry, line) => line.credit },
  { header: 'UUID', kind: 'text', width: 38, value: (_entry, line) => line.cfdi?.uuid ?? '' },
  { header: 'RFC', kind: 'text', width: 15, value: (_entry, line) => line.cfdi?.rfc ?? '' },
  { header: 'Total del CFDI', kind: 'amount', width: 14, value: (_entry, line) => line.cfdi?.total ?? '' },
  { header: 'Moneda', kind: 'text', width: 8, value: (_entry, line) => line.cfdi?.currency ?? '' },
  { header: 'Referencia de pago', kind: 'text', width: 20, value: (entry) => entry.paymentReference ?? '' },
];

/** Each line of each póliza of a batch, in order. */
export function* linesOf(entries: readonly JournalEntry[]): Generator<[JournalEntry, JournalLine]> {
  for (const entry of entries) for (const line of entry.lines) yield [entry, line];
}

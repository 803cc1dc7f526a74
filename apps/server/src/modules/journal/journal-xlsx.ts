import type { Readable } from 'node:stream';
import {
  amountCell,
  type CellValue,
  dateCell,
  streamedSheet,
} from '../../platform/exports/streamed-workbook.js';
import type { JournalEntry } from './journal-entry.js';
import { type ColumnKind, JOURNAL_COLUMNS, linesOf } from './journal-lines.js';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  amount: '#,##0.00',
  date: 'yyyy-mm-dd',
};

function cell(value: string, kind: ColumnKind): CellValue {
  if (kind === 'amount') return amountCell(value);
  if (kind === 'date') return dateCell(value);
  if (kind === 'integer') return Number(value);
  return value;
}

function* sheetRows(entries: readonly JournalEntry[]) {
  for (const [entry, line] of linesOf(entries)) {
    yield JOURNAL_COLUMNS.map((column) => cell(column.value(entry, line), column.kind));
  }
}

/** The journal for people: one sheet, one row per póliza line, header frozen. */
export function journalXlsx(batches: AsyncIterable<JournalEntry[]>): Readable {
  const columns = JOURNAL_COLUMNS.map((column) => ({
    width: column.width,
    numFmt: NUMBER_FORMATS[column.kind],
  }));
  return streamedSheet('Pólizas', { columns, frozenHeader: true }, async (sheet) => {
    sheet.add(
      JOURNAL_COLUMNS.map((column) => column.header),
      { bold: true },
    );
    for await (const entries of batches) await sheet.batch(sheetRows(entries));
  });
}

import type { Readable } from 'node:stream';
import { amountCell, dateCell, streamedWorkbook } from '../../platform/exports/streamed-workbook.js';
import type { JournalEntry } from './journal-entry.js';
import { type ColumnKind, JOURNAL_COLUMNS, linesOf } from './journal-lines.js';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  amount: '#,##0.00',
  date: 'yyyy-mm-dd',
};

function cell(value: string, kind: ColumnKind) {
  if (kind === 'amount') return amountCell(value);
  if (kind === 'date') return dateCell(value);
  if (kind === 'integer') return Number(value);
  return value;
}

/** The journal for people: one sheet, one row per póliza line, header frozen. */
export function journalXlsx(batches: AsyncIterable<JournalEntry[]>): Readable {
  return streamedWorkbook(async (workbook, pace) => {
    const sheet = workbook.addWorksheet('Pólizas', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = JOURNAL_COLUMNS.map((column) => {
      const numFmt = NUMBER_FORMATS[column.kind];
      return { width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = sheet.addRow(JOURNAL_COLUMNS.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for await (const entries of batches) {
      for (const [entry, line] of linesOf(entries)) {
        sheet.addRow(JOURNAL_COLUMNS.map((column) => cell(column.value(entry, line), column.kind))).commit();
      }
      await pace();
    }
    sheet.commit();
  });
}

import type { Readable } from 'node:stream';
import { ROWS_PER_SLICE, yieldToEventLoop } from '../../platform/exports/stream-pace.js';
import { streamedWorkbook } from '../../platform/exports/streamed-workbook.js';
import type { ExportColumn } from './export-columns.js';
import type { ExportedExpense } from './exported-expenses.js';

const NUMBER_FORMATS: Record<ExportColumn['kind'], string | undefined> = {
  text: undefined,
  amount: '#,##0.00',
  date: 'yyyy-mm-dd',
};

/**
 * A spreadsheet cell: amounts become numbers so the sheet can sum them (a spreadsheet stores
 * binary doubles anyway; the exact decimal stays in CSV and in the API); dates become dates.
 */
function cellValue(value: string, kind: ExportColumn['kind']): string | number | Date {
  if (kind === 'amount') return Number(value);
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

/** The XLSX, written row by row by exceljs' streaming writer (no shared strings: nothing kept per row). */
export function xlsxExport(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportedExpense[]>,
  sheetName: string,
): Readable {
  return streamedWorkbook(async (workbook, pace) => {
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => {
      const numFmt = NUMBER_FORMATS[column.kind];
      return { key: column.key, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const [index, row] of batch.entries()) {
        sheet.addRow(columns.map((column) => cellValue(column.value(row), column.kind))).commit();
        if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
      }
      await pace();
    }
    sheet.commit();
  });
}

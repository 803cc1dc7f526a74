import type { Readable } from 'node:stream';
import { type CellValue, streamedSheet } from '../../platform/exports/streamed-workbook.js';
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
function cellValue(value: string, kind: ExportColumn['kind']): CellValue {
  if (kind === 'amount') return Number(value);
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

function* sheetRows(columns: readonly ExportColumn[], batch: readonly ExportedExpense[]) {
  for (const row of batch) yield columns.map((column) => cellValue(column.value(row), column.kind));
}

/** The XLSX, one row per expense, written while it downloads (nothing kept per row). */
export function xlsxExport(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportedExpense[]>,
  sheetName: string,
): Readable {
  const sheetColumns = columns.map((column) => ({
    width: column.width,
    numFmt: NUMBER_FORMATS[column.kind],
  }));
  return streamedSheet(sheetName, { columns: sheetColumns, frozenHeader: true }, async (sheet) => {
    sheet.add(
      columns.map((column) => column.header),
      { bold: true },
    );
    for await (const batch of batches) await sheet.batch(sheetRows(columns, batch));
  });
}

import { Readable } from 'node:stream';
import type { ExportColumn } from './export-columns.js';
import type { ExportedExpense } from './exported-expenses.js';

// RFC 4180 CSV, UTF-8 with a byte order mark (Excel in Spanish opens it with its accents), CRLF.

const NEEDS_QUOTES = /[",\r\n]/;
/** A cell starting like a formula would run in a spreadsheet (CSV injection): it is made plain text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string, kind: ExportColumn['kind']): string {
  const safe = kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

async function* csvChunks(columns: readonly ExportColumn[], batches: AsyncIterable<ExportedExpense[]>) {
  yield `\uFEFF${csvLine(columns.map((column) => csvCell(column.header, 'text')))}`;
  for await (const batch of batches) {
    let chunk = '';
    for (const row of batch)
      chunk += csvLine(columns.map((column) => csvCell(column.value(row), column.kind)));
    yield chunk;
  }
}

/** The CSV as a stream that asks for the next batch only when the client has taken the last one. */
export function csvExport(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportedExpense[]>,
): Readable {
  return Readable.from(csvChunks(columns, batches), { objectMode: false });
}

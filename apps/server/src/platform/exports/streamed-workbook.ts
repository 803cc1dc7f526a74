import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { untilConsumed } from './stream-pace.js';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

class ClientLeft extends Error {}

/** The buffered lengths of a stream of the readable-stream package exceljs and archiver use. */
interface LegacyStream {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * Bytes exceljs has written for a sheet that the zip has not compressed yet. Its sheet stream
 * (a StreamBuf) writes into the zip entry's PassThrough without waiting for it, so that is where a
 * fast writer and a slow compressor or client pile up; 0 if exceljs ever changes this.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const pipes = (sheet as unknown as { stream?: { pipes?: LegacyStream[] } }).stream?.pipes ?? [];
  return pipes.reduce(
    (bytes, pipe) => bytes + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0),
    0,
  );
}

/**
 * An XLSX written row by row by exceljs' streaming writer (no shared strings, so nothing is kept per
 * row). `write` adds and commits rows and calls `pace()` after each batch: exceljs has no
 * backpressure of its own, so pace waits while the client has not taken what was written (in the
 * output and in the sheets' zip entries), and stops the writing when the client is gone.
 */
export function streamedWorkbook(
  write: (workbook: WorkbookWriter, pace: () => Promise<void>) => Promise<void>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'CajaChica';
  // The writer keeps its sheets in `_worksheets` (it has no public way to list them).
  const sheets = () =>
    (workbook as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] })._worksheets ?? [];
  const backlog = () => sheets().reduce((bytes, sheet) => bytes + (sheet ? sheetBacklog(sheet) : 0), 0);
  const pace = async () => {
    await untilConsumed(output, backlog);
    if (output.destroyed) throw new ClientLeft();
  };
  write(workbook, pace)
    .then(() => workbook.commit())
    .catch((error: unknown) => {
      if (!(error instanceof ClientLeft)) output.destroy(error as Error);
    });
  return output;
}

/** A spreadsheet cell for a decimal-string amount: a number the sheet can add (the exact value is in CSV and XML). */
export const amountCell = (value: string) => (value === '' ? null : Number(value));

/** A calendar day (YYYY-MM-DD) as a date cell, at midnight UTC so it shows the same day everywhere. */
export const dateCell = (value: string) => (value === '' ? null : new Date(`${value}T00:00:00Z`));

import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { untilConsumed, yieldToEventLoop } from './stream-pace.js';

/** What a cell holds: text, a number (amounts), a date (a calendar day at midnight UTC), or nothing. */
export type CellValue = string | number | Date | null;

export interface SheetColumn {
  /** Width in characters. */
  width?: number | undefined;
  /** The number format of the column's cells: '#,##0.00' for amounts, 'yyyy-mm-dd' for dates. */
  numFmt?: string | undefined;
}

export interface SheetOptions {
  columns: readonly SheetColumn[];
  /** Keeps the first row (the header) in view while scrolling. */
  frozenHeader?: boolean;
}

export interface SheetRows {
  /** Writes one row now (a header, a legend row), bold when asked. */
  add(values: readonly CellValue[], options?: { bold?: boolean }): void;
  /**
   * Writes a batch of rows, letting other requests run every few milliseconds, then waits until the
   * client has taken what was written; throws (ending the writing quietly) when the client left.
   */
  batch(rows: Iterable<readonly CellValue[]>): Promise<void>;
}

class ClientLeft extends Error {}

/** The buffered lengths of a stream of the readable-stream package exceljs and archiver use. */
interface LegacyStream {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/** The parts of exceljs' streaming writer this module reaches beyond its typings (exceljs 4.4). */
interface WriterInternals {
  styles?: { addStyleModel?(style: Partial<ExcelJS.Style>, cellType: ExcelJS.ValueType): number };
}
interface SheetInternals {
  stream?: { write(chunk: Buffer): unknown; pipes?: LegacyStream[]; bufSize?: number };
}

/**
 * Bytes written to the sheet that the zip has not compressed yet. The sheet's stream (a StreamBuf)
 * writes into the zip entry's PassThrough without waiting for it, so that is where a fast writer and
 * a slow compressor or client pile up; 0 if exceljs ever changes this.
 */
function sheetBacklog(sheet: SheetInternals): number {
  const pipes = sheet.stream?.pipes ?? [];
  return pipes.reduce(
    (bytes, pipe) => bytes + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0),
    0,
  );
}

// What exceljs' own writer does to text (utils.xmlEncode): the five entities, and characters XML
// 1.0 cannot carry (controls other than tab and line breaks, DEL) left out.
const XML_SPECIAL = /["&'<>\x7F]|[^\t\n\r\u0020-\uFFFF]/;
const XML_SPECIALS = /["&'<>\x7F]|[^\t\n\r\u0020-\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
const xmlText = (text: string) =>
  XML_SPECIAL.test(text) ? text.replace(XML_SPECIALS, (char) => ENTITIES[char] ?? '') : text;

/** A1-style column letters: A … Z, AA … */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Days since 1899-12-30, the serial number a spreadsheet stores for a date (exceljs' dateToExcel). */
const excelDate = (date: Date) => 25569 + date.getTime() / 86_400_000;

/** A row's XML grows into this many characters before it goes to the sheet's stream as one buffer. */
const FLUSH_CHARS = 1 << 16;
/**
 * The pieces the sheet's stream hands to the zip (exceljs uses 64 KB). zlib compresses each piece in
 * its thread pool but starts the next only when the event loop, busy writing rows, gets its
 * callback: with 64 KB pieces the compression fell behind the rows and writing waited for it.
 */
const ZIP_PIECE_BYTES = 1 << 20;
/** Bytes written but not yet compressed or taken by the client before writing waits: a few pieces. */
const MAX_BACKLOG_BYTES = 4 * ZIP_PIECE_BYTES;
/** Rows are written for about this long before other requests get their turn. */
const SLICE_MS = 10;

/**
 * One sheet of an XLSX, written while it downloads. exceljs' streaming writer makes the package (zip,
 * styles, workbook, the sheet's columns, frozen header and closing parts); the rows are written
 * here, as the XML exceljs itself writes for them (the same cells, types and style ids), because
 * exceljs builds several objects per cell and works a style out per cell, which made XLSX exports
 * 3–4 times slower than writing the rows here. Nothing is kept per row (no shared strings), and
 * writing waits, slice by slice, while the zip or the client is behind, so memory stays bounded
 * whatever the number of rows. The zip is compressed at level 1: several times faster than the
 * default, for files about a fifth larger.
 */
export function streamedSheet(
  name: string,
  options: SheetOptions,
  write: (rows: SheetRows) => Promise<void>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    // Level 1; zlib's output in chunks of 256 KB: one pass per piece, fewer writes to the socket.
    zip: { zlib: { level: 1, chunkSize: 1 << 18 } },
  });
  workbook.creator = 'CajaChica';
  const sheet = workbook.addWorksheet(name, {
    views: options.frozenHeader ? [{ state: 'frozen', ySplit: 1 }] : [],
  });
  sheet.columns = options.columns.map((column) => ({
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  const styles = (workbook as unknown as WriterInternals).styles;
  const stream = (sheet as unknown as SheetInternals).stream;
  if (!styles?.addStyleModel || typeof stream?.bufSize !== 'number')
    throw new Error('exceljs: streaming writer internals changed');
  stream.bufSize = ZIP_PIECE_BYTES;
  // An empty row makes exceljs write the sheet's columns and open its data, and nothing else.
  sheet.addRow([]).commit();

  // Style ids as exceljs gives them: the column's number format (dates without one get its default
  // date format), bold for a header; id 0 (the default) is not written. Kept per column (-1: the
  // row itself), boldness and type.
  const styleIds = new Map<number, string[]>();
  const styleOf = (column: number, type: ExcelJS.ValueType, bold: boolean) => {
    const slot = bold ? -2 - column : column;
    let ids = styleIds.get(slot);
    if (!ids) {
      ids = [];
      styleIds.set(slot, ids);
    }
    let attribute = ids[type];
    if (attribute === undefined) {
      const numFmt = options.columns[column]?.numFmt;
      const id = styles.addStyleModel?.(
        { ...(numFmt ? { numFmt } : {}), ...(bold ? { font: { bold: true } } : {}) },
        type,
      );
      attribute = id ? ` s="${id}"` : '';
      ids[type] = attribute;
    }
    return attribute;
  };
  const letters: string[] = [];
  const columnLetter = (index: number) => {
    letters[index] = columnLetters(index);
    return letters[index];
  };
  let rowNumber = 0;
  let pending = '';

  const flush = () => {
    if (pending.length > 0) stream.write(Buffer.from(pending));
    pending = '';
  };

  function add(values: readonly CellValue[], bold = false) {
    rowNumber++;
    const r = String(rowNumber);
    let xml = bold
      ? `<row r="${r}"${styleOf(-1, ExcelJS.ValueType.Number, true)} customFormat="1">`
      : `<row r="${r}">`;
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (value === undefined) continue;
      const ref = `${letters[index] ?? columnLetter(index)}${r}`;
      if (typeof value === 'string') {
        xml += `<c r="${ref}"${styleOf(index, ExcelJS.ValueType.String, bold)} t="str"><v>${xmlText(value)}</v></c>`;
      } else if (typeof value === 'number' && Number.isFinite(value)) {
        xml += `<c r="${ref}"${styleOf(index, ExcelJS.ValueType.Number, bold)}><v>${value}</v></c>`;
      } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
        xml += `<c r="${ref}"${styleOf(index, ExcelJS.ValueType.Date, bold)}><v>${excelDate(value)}</v></c>`;
      } else {
        // Empty: exceljs writes the cell only when its column gives it a style.
        const style = styleOf(index, ExcelJS.ValueType.Null, bold);
        if (style) xml += `<c r="${ref}"${style}/>`;
      }
    }
    pending += `${xml}</row>`;
    if (pending.length >= FLUSH_CHARS) flush();
  }

  const backlog = () => sheetBacklog(sheet as unknown as SheetInternals);
  /** Hands what was written to the zip, lets other requests run, waits for the client. */
  const pace = async () => {
    flush();
    await yieldToEventLoop();
    await untilConsumed(output, backlog, MAX_BACKLOG_BYTES);
    if (output.destroyed) throw new ClientLeft();
  };
  const rows: SheetRows = {
    add: (values, style) => add(values, style?.bold ?? false),
    async batch(batch) {
      let sliceStart = performance.now();
      let count = 0;
      for (const values of batch) {
        add(values);
        // Slice by slice, not batch by batch: the zip compresses one slice while the next is written.
        if (++count % 64 === 0 && performance.now() - sliceStart > SLICE_MS) {
          await pace();
          sliceStart = performance.now();
        }
      }
      await pace();
    },
  };

  write(rows)
    .then(() => {
      flush();
      sheet.commit();
      return workbook.commit();
    })
    .catch((error: unknown) => {
      if (!(error instanceof ClientLeft)) output.destroy(error as Error);
    });
  return output;
}

/** A spreadsheet cell for a decimal-string amount: a number the sheet can add (the exact value is in CSV and XML). */
export const amountCell = (value: string) => (value === '' ? null : Number(value));

/** A calendar day (YYYY-MM-DD) as a date cell, at midnight UTC so it shows the same day everywhere. */
export const dateCell = (value: string) => (value === '' ? null : new Date(`${value}T00:00:00Z`));

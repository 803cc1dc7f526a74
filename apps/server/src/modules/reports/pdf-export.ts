import type { Readable } from 'node:stream';
import { ROWS_PER_SLICE, untilConsumed, yieldToEventLoop } from '../../platform/exports/stream-pace.js';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import { formatPesos, money } from '../../platform/money.js';
import { createPdfDocument, FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';
import { EXPENSE_COLUMNS, type ExportColumn } from './export-columns.js';
import type { ExportedExpense } from './exported-expenses.js';

// A printable list (letter, landscape): the columns that fit a page, one line per expense.

const MARGIN = 36;
const ROW_HEIGHT = 13;
const FONT_SIZE = 7.5;
const CELL_PADDING = 2;

/**
 * The text cut with "…" to fit the width, measured with the font's metrics (cheaper than pdfkit's
 * wrapping with ellipsis, which lays out every line of every cell). Dates, statuses, categories
 * and suppliers repeat down a list: their fit is remembered.
 */
function createFitter(doc: PDFKit.PDFDocument) {
  const remembered = new Map<string, string>();
  const measure = (text: string, width: number) => {
    if (text === '' || doc.widthOfString(text) <= width) return text;
    let fits = 0;
    let tooLong = text.length;
    while (tooLong - fits > 1) {
      const middle = (fits + tooLong) >> 1;
      if (doc.widthOfString(`${text.slice(0, middle)}…`) <= width) fits = middle;
      else tooLong = middle;
    }
    return `${text.slice(0, fits).trimEnd()}…`;
  };
  return (text: string, width: number, font: string) => {
    const key = `${font}|${width}|${text}`;
    let result = remembered.get(key);
    if (result === undefined) {
      if (remembered.size > 20_000) remembered.clear();
      result = measure(text, width);
      remembered.set(key, result);
    }
    return result;
  };
}

interface PdfColumn {
  key: string;
  width: number;
  align?: 'right';
}

/** The printed columns and their widths in points (720 = a landscape letter page inside its margins). */
const PDF_COLUMNS: readonly PdfColumn[] = [
  { key: 'date', width: 48 },
  { key: 'supplierName', width: 112 },
  { key: 'concept', width: 120 },
  { key: 'category', width: 80 },
  { key: 'status', width: 56 },
  { key: 'totalMxn', width: 66, align: 'right' },
  // A UUID is 36 characters: about 160 points at this size, never cut.
  { key: 'cfdiUuid', width: 176 },
  { key: 'findings', width: 62 },
];

const columnsByKey = new Map(EXPENSE_COLUMNS.map((column) => [column.key, column]));
const printed = PDF_COLUMNS.map((layout) => ({
  ...layout,
  column: columnsByKey.get(layout.key) as ExportColumn,
}));

export interface PdfHeading {
  organizationName: string;
  period: string;
  generatedAt: Date;
}

function cellText(column: ExportColumn, row: ExportedExpense): string {
  const value = column.value(row);
  if (column.kind === 'amount') return formatPesos(value);
  if (column.kind === 'date') return value.split('-').reverse().join('/');
  if (column.key === 'findings') return row.findings.length === 0 ? '' : `${row.findings.length}`;
  return value;
}

/** The PDF, piped as pdfkit finishes each page (pages are not kept in memory). */
export function pdfExport(batches: AsyncIterable<ExportedExpense[]>, heading: PdfHeading): Readable {
  const doc = createPdfDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: `Gastos — ${heading.organizationName}`, Author: 'CajaChica' },
  });
  const bottom = doc.page.height - MARGIN;
  const fitted = createFitter(doc);
  let y = MARGIN;

  const line = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(FONT_SIZE);
    let x = MARGIN;
    printed.forEach((layout, index) => {
      const width = layout.width - 2 * CELL_PADDING;
      const text = fitted(cells[index] ?? '', width, font);
      if (text !== '') {
        const offset = layout.align === 'right' ? width - doc.widthOfString(text) : 0;
        doc.text(text, x + CELL_PADDING + offset, y + 3, { lineBreak: false });
      }
      x += layout.width;
    });
    y += ROW_HEIGHT;
  };
  const tableHeader = () => {
    doc
      .rect(MARGIN, y, doc.page.width - 2 * MARGIN, ROW_HEIGHT)
      .fill('#e6f4f1')
      .fillColor('black');
    line(
      printed.map((layout) => (layout.key === 'findings' ? 'Hallazgos' : layout.column.header)),
      FONT_BOLD,
    );
  };

  const write = async () => {
    const generated = new Intl.DateTimeFormat('es-MX', {
      timeZone: MEXICO_TIME_ZONE,
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(heading.generatedAt);
    doc.font(FONT_BOLD).fontSize(14).text(`Gastos — ${heading.organizationName}`, MARGIN, y);
    doc
      .font(FONT_REGULAR)
      .fontSize(9)
      .text(`${heading.period} · Generado el ${generated} (hora de la Ciudad de México)`);
    y = doc.y + 8;
    tableHeader();
    let count = 0;
    let total = money(0);
    for await (const batch of batches) {
      if (doc.destroyed) return;
      for (const row of batch) {
        if (y + ROW_HEIGHT > bottom) {
          doc.addPage();
          y = MARGIN;
          tableHeader();
        }
        line(
          printed.map((layout) => cellText(layout.column, row)),
          FONT_REGULAR,
        );
        count += 1;
        total = total.plus(row.totalMxn);
        if (count % ROWS_PER_SLICE === 0) await yieldToEventLoop();
      }
      await untilConsumed(doc);
    }
    if (y + 2 * ROW_HEIGHT > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    doc
      .font(FONT_BOLD)
      .fontSize(9)
      .text(
        count === 0
          ? 'No hay gastos en este periodo.'
          : `${count.toLocaleString('es-MX')} gastos · Total ${formatPesos(total.toFixed(2))} MXN`,
        MARGIN,
        y + 6,
      );
    doc.end();
  };
  write().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}

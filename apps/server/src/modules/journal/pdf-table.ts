import { type Doc, FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';

// Small drawing helpers for a letter-size pdfkit document: tables of one-line rows that continue on
// the next page with their header repeated.

export const MARGIN = 36;
const ROW_HEIGHT = 13;
const FONT_SIZE = 7.5;
const HEADER_FILL = '#e6f4f1';

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const bottomOf = (doc: Doc) => doc.page.height - MARGIN - 14; // room for the page footer

/** Moves to a new page when fewer than `height` points are left; returns the y to draw at. */
export function ensureRoom(doc: Doc, height: number): number {
  if (doc.y + height > bottomOf(doc)) {
    doc.addPage();
    doc.y = MARGIN;
  }
  return doc.y;
}

function rowAt(doc: Doc, columns: readonly PdfColumn[], cells: readonly string[], y: number, font: string) {
  doc.font(font).fontSize(FONT_SIZE).fillColor('black');
  let x = MARGIN;
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', x + 2, y + 3, {
      width: column.width - 4,
      height: FONT_SIZE + 2,
      ellipsis: true,
      lineBreak: false,
      align: column.align ?? 'left',
    });
    x += column.width;
  });
}

/** A table: header row shaded, body rows, and optional bold total rows at the end. */
export function drawTable(
  doc: Doc,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
  totals: readonly (readonly string[])[] = [],
) {
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const header = () => {
    const y = ensureRoom(doc, 2 * ROW_HEIGHT);
    doc.rect(MARGIN, y, width, ROW_HEIGHT).fill(HEADER_FILL);
    rowAt(
      doc,
      columns,
      columns.map((column) => column.header),
      y,
      FONT_BOLD,
    );
    doc.y = y + ROW_HEIGHT;
  };
  header();
  const draw = (cells: readonly string[], font: string) => {
    if (doc.y + ROW_HEIGHT > bottomOf(doc)) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const y = doc.y;
    rowAt(doc, columns, cells, y, font);
    doc
      .moveTo(MARGIN, y + ROW_HEIGHT)
      .lineTo(MARGIN + width, y + ROW_HEIGHT)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
    doc.y = y + ROW_HEIGHT;
  };
  for (const cells of rows) draw(cells, FONT_REGULAR);
  for (const cells of totals) draw(cells, FONT_BOLD);
  doc.x = MARGIN;
  doc.y += 8;
}

/** A section title. */
export function sectionTitle(doc: Doc, title: string) {
  const y = ensureRoom(doc, 40);
  doc.font(FONT_BOLD).fontSize(10).fillColor('#0b5e4f').text(title, MARGIN, y);
  doc.fillColor('black');
  doc.y += 3;
}

/** "Página 1 de 3" and a generated-by line on every page (the document must buffer its pages). */
export function pageFooters(doc: Doc, text: string) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const y = doc.page.height - MARGIN - 4;
    const width = doc.page.width - 2 * MARGIN;
    // Writing below the bottom margin must not add a page: lift it for the footer.
    doc.page.margins.bottom = 0;
    doc.font(FONT_REGULAR).fontSize(7).fillColor('#555555');
    doc.text(text, MARGIN, y, { width, lineBreak: false });
    doc.text(`Página ${index + 1} de ${range.count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
  }
}

import { FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';
import {
  BRAND,
  type Doc,
  ensureRoom,
  FILL,
  MARGIN,
  MUTED,
  printable,
  put,
  RULE,
  WIDTH,
} from './invoice-pdf-layout.js';
import type { PrintedConcepto } from './printed-invoice.js';

// The conceptos table. journal/pdf-table.ts draws one-line rows cut with "…"; a printed CFDI must
// show each description whole with its taxes under it, so rows here wrap and grow.

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
  cell: (concepto: PrintedConcepto) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'Clave prod./serv.', width: 52, align: 'left', cell: (c) => c.claveProdServ },
  { header: 'Cantidad', width: 44, align: 'right', cell: (c) => c.cantidad },
  { header: 'Clave unidad', width: 58, align: 'left', cell: (c) => c.unidad },
  { header: 'Descripción', width: 214, align: 'left', cell: (c) => c.descripcion },
  { header: 'Valor unitario', width: 66, align: 'right', cell: (c) => c.valorUnitario },
  { header: 'Importe', width: 70, align: 'right', cell: (c) => c.importe },
  { header: 'Obj. imp.', width: 36, align: 'center', cell: (c) => c.objetoImp },
];
const DESCRIPTION = 3;
const PAD = 3;
const SIZE = 7.5;
const DETAIL_SIZE = 6.5;
const HEADER_HEIGHT = 22;

function header(doc: Doc) {
  const y = doc.y;
  doc.rect(MARGIN, y, WIDTH, HEADER_HEIGHT).fill(FILL);
  doc.font(FONT_BOLD).fontSize(7).fillColor(BRAND);
  let x = MARGIN;
  for (const column of COLUMNS) {
    put(doc, column.header, x + PAD, y + 3, {
      width: column.width - 2 * PAD,
      align: column.align,
    });
    x += column.width;
  }
  doc.fillColor('black');
  doc.y = y + HEADER_HEIGHT;
}

function detailsText(concepto: PrintedConcepto): string {
  return concepto.details.map(printable).join('\n');
}

function rowHeight(doc: Doc, concepto: PrintedConcepto): number {
  let tallest = 0;
  COLUMNS.forEach((column, index) => {
    doc.font(FONT_REGULAR).fontSize(SIZE);
    const width = column.width - 2 * PAD;
    let height = doc.heightOfString(printable(column.cell(concepto)), { width });
    if (index === DESCRIPTION && concepto.details.length > 0) {
      doc.fontSize(DETAIL_SIZE);
      height += 2 + doc.heightOfString(detailsText(concepto), { width });
    }
    tallest = Math.max(tallest, height);
  });
  return tallest + 2 * PAD;
}

function row(doc: Doc, concepto: PrintedConcepto, height: number) {
  const y = doc.y;
  let x = MARGIN;
  COLUMNS.forEach((column, index) => {
    const width = column.width - 2 * PAD;
    doc.font(FONT_REGULAR).fontSize(SIZE).fillColor('black');
    put(doc, column.cell(concepto), x + PAD, y + PAD, { width, align: column.align });
    if (index === DESCRIPTION && concepto.details.length > 0) {
      doc.fontSize(DETAIL_SIZE).fillColor(MUTED);
      doc.text(detailsText(concepto), x + PAD, doc.y + 2, { width });
    }
    x += column.width;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + WIDTH, y + height)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + height;
}

/** The table; on every page it continues on, its header is drawn again. */
export function drawConceptos(doc: Doc, conceptos: readonly PrintedConcepto[]) {
  doc.y = ensureRoom(doc, HEADER_HEIGHT + 30);
  header(doc);
  for (const concepto of conceptos) {
    const height = rowHeight(doc, concepto);
    const before = doc.page;
    doc.y = ensureRoom(doc, height);
    if (doc.page !== before) header(doc);
    row(doc, concepto, height);
  }
  doc.x = MARGIN;
  doc.fillColor('black');
}

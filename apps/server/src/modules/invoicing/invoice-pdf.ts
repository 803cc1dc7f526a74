import { createPdfDocument, FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';
import { drawTable, pageFooters } from '../journal/pdf-table.js';
import { drawConceptos } from './invoice-pdf-conceptos.js';
import {
  BRAND,
  box,
  type Doc,
  drawFields,
  ensureRoom,
  FILL,
  fieldsHeight,
  heading,
  MARGIN,
  MUTED,
  printable,
  put,
  RULE,
  WIDTH,
} from './invoice-pdf-layout.js';
import { drawStamp, markSandbox } from './invoice-pdf-stamp.js';
import { type PrintedInvoice, readPrintedInvoice } from './printed-invoice.js';

// The printed representation of a stamped CFDI 4.0 (ingreso or egreso), as a letter-size PDF. Pure:
// everything it shows comes from the XML; nothing is looked up elsewhere.

const HALF = (WIDTH - 12) / 2;

function header(doc: Doc, invoice: PrintedInvoice) {
  const left = WIDTH - 200;
  doc.font(FONT_BOLD).fontSize(14).fillColor(BRAND);
  put(doc, invoice.emisorNombre, MARGIN, MARGIN, { width: left - 10 });
  const after = drawFields(doc, invoice.emisor, MARGIN, doc.y + 4, left - 10);
  const x = MARGIN + left;
  doc.rect(x, MARGIN, 200, 72).fill(FILL);
  doc.font(FONT_BOLD).fontSize(15).fillColor(BRAND);
  put(doc, invoice.title.toUpperCase(), x + 8, MARGIN + 7, { width: 184, align: 'right', lineBreak: false });
  const lines: [string, string][] = [
    ['Serie y folio', invoice.serieFolio],
    ['Folio fiscal', invoice.timbre.uuid],
  ];
  lines.forEach(([label, value], index) => {
    const y = MARGIN + 28 + index * 21;
    doc.font(FONT_BOLD).fontSize(6.5).fillColor(MUTED);
    put(doc, label.toUpperCase(), x + 8, y, { width: 184, align: 'right', lineBreak: false });
    // 8 points: a UUID in the bold font takes 178 of the 184.
    doc.font(FONT_BOLD).fontSize(8).fillColor('black');
    put(doc, value, x + 8, y + 8, { width: 184, align: 'right', lineBreak: false });
  });
  doc.y = Math.max(after, MARGIN + 72) + 10;
}

function parties(doc: Doc, invoice: PrintedInvoice) {
  const width = HALF - 12;
  const body = Math.max(
    fieldsHeight(doc, invoice.receptor, width),
    fieldsHeight(doc, invoice.comprobante, width),
  );
  const y = ensureRoom(doc, body + 24);
  box(doc, 'Receptor', MARGIN, y, HALF, body);
  drawFields(doc, invoice.receptor, MARGIN + 6, y + 19, width);
  box(doc, 'Datos del comprobante', MARGIN + HALF + 12, y, HALF, body);
  drawFields(doc, invoice.comprobante, MARGIN + HALF + 18, y + 19, width);
  doc.y = y + body + 30;
}

function informacionGlobal(doc: Doc, invoice: PrintedInvoice) {
  if (!invoice.informacionGlobal) return;
  const y = ensureRoom(doc, 34);
  const line = invoice.informacionGlobal.map((field) => `${field.label}: ${field.value}`).join('      ');
  box(doc, 'Información global (factura global)', MARGIN, y, WIDTH, 8);
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor('black');
  put(doc, line, MARGIN + 6, y + 19, { width: WIDTH - 12, lineBreak: false });
  doc.y = y + 36;
}

function relacionados(doc: Doc, invoice: PrintedInvoice) {
  if (invoice.relacionados.length === 0) return;
  heading(doc, 'CFDI relacionados', 30);
  drawTable(
    doc,
    [
      { header: 'Tipo de relación', width: WIDTH - 190 },
      { header: 'Folio fiscal (UUID)', width: 190 },
    ],
    invoice.relacionados.flatMap((group) =>
      group.uuids.map((uuid) => [printable(group.tipoRelacion), printable(uuid)]),
    ),
  );
}

function totals(doc: Doc, invoice: PrintedInvoice) {
  const rows = invoice.totals;
  const height = rows.length * 13 + 8;
  const y = ensureRoom(doc, Math.max(height, 60));
  const wordsWidth = WIDTH - 230;
  box(doc, 'Importe con letra', MARGIN, y, wordsWidth, 30);
  doc.font(FONT_BOLD).fontSize(8).fillColor('black');
  put(doc, invoice.totalInWords, MARGIN + 6, y + 20, { width: wordsWidth - 12 });
  if (invoice.objetosImpuesto.length > 0) {
    doc.font(FONT_REGULAR).fontSize(6.5).fillColor(MUTED);
    put(doc, `Obj. imp.: ${invoice.objetosImpuesto.join(' · ')}`, MARGIN, y + 56, { width: wordsWidth });
  }
  const x = MARGIN + WIDTH - 210;
  rows.forEach((row, index) => {
    const last = index === rows.length - 1;
    const top = y + index * 13 + (last ? 4 : 0);
    if (last) {
      doc.rect(x, top - 3, 210, 16).fill(FILL);
    }
    doc
      .font(last ? FONT_BOLD : FONT_REGULAR)
      .fontSize(last ? 9 : 8)
      .fillColor(last ? BRAND : 'black');
    put(doc, row.label, x + 6, top, { width: 120, lineBreak: false, ellipsis: true });
    put(doc, row.value, x + 126, top, { width: 78, align: 'right', lineBreak: false });
    if (!last)
      doc
        .moveTo(x, top + 11)
        .lineTo(x + 210, top + 11)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
  });
  doc.fillColor('black');
  doc.y = y + Math.max(height + 4, 70);
}

/** Draws on every page once the content is laid out: the footer, and the sandbox marking if any. */
function finishPages(doc: Doc, invoice: PrintedInvoice, sandbox: boolean) {
  pageFooters(doc, `Representación impresa de un CFDI · Folio fiscal ${invoice.timbre.uuid}`);
  if (!sandbox) return;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    markSandbox(doc);
  }
}

/**
 * The PDF of a stamped CFDI 4.0 of ingreso or egreso. `sandbox` marks every page as without fiscal
 * validity (a test stamp). Rejects a document that is not one, or not stamped (see readPrintedInvoice).
 */
export async function renderInvoicePdf(input: { xml: string; sandbox: boolean }): Promise<Buffer> {
  // Read before the document exists: a refused XML never produces half a PDF.
  const invoice = readPrintedInvoice(input.xml);
  const doc = createPdfDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: printable(`${invoice.title} ${invoice.serieFolio} — ${invoice.timbre.uuid}`),
      Author: 'CajaChica',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, invoice);
  parties(doc, invoice);
  informacionGlobal(doc, invoice);
  relacionados(doc, invoice);
  heading(doc, 'Conceptos', 60);
  drawConceptos(doc, invoice.conceptos);
  doc.y += 8;
  totals(doc, invoice);
  drawStamp(doc, invoice);
  finishPages(doc, invoice, input.sandbox);
  doc.end();
  return done;
}

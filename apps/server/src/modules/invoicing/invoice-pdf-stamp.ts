import QRCode from 'qrcode';
import { FONT_BOLD, FONT_MONO } from '../../platform/pdf/fonts.js';
import {
  ALERT,
  type Doc,
  drawFields,
  ensureRoom,
  fieldsHeight,
  heading,
  MARGIN,
  MUTED,
  put,
  WIDTH,
} from './invoice-pdf-layout.js';
import type { PrintedInvoice } from './printed-invoice.js';

// The fiscal part of the printed CFDI: the QR with SAT's verification URL, the timbre's data, the
// seals and the TFD's cadena original; and the sandbox marking.

/** Anexo 20 asks for at least 2.75 cm a side (78 points); a little more scans better from paper. */
const QR_SIZE = 96;
const SEAL_SIZE = 6.3;

/** The QR drawn as vector squares (sharp at any zoom), one rectangle per run of dark modules. */
function drawQr(doc: Doc, text: string, x: number, y: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2; // modules of white border inside the drawn square
  const cell = QR_SIZE / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (column - start) * cell, cell);
    }
  }
  doc.fillColor('black').fill();
}

/**
 * A seal or cadena: its label and the text in small monospace, cut every so many characters so
 * each line fills the width (base64 has no spaces; pdfkit would break it unevenly at "/" and "+").
 */
function sealBlock(doc: Doc, label: string, text: string) {
  doc.font(FONT_MONO).fontSize(SEAL_SIZE);
  const perLine = Math.floor(WIDTH / doc.widthOfString('0'));
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += perLine) lines.push(text.slice(start, start + perLine));
  // Each line drawn where it goes, not wrapped: pdfkit would measure each "\n" as a character of
  // the embedded font (its .notdef glyph) and break the full lines once more.
  const lineHeight = doc.currentLineHeight(true);
  const height = lines.length * lineHeight;
  const y = ensureRoom(doc, height + 14);
  doc.font(FONT_BOLD).fontSize(7).fillColor(MUTED);
  put(doc, label, MARGIN, y, { width: WIDTH, lineBreak: false });
  doc.font(FONT_MONO).fontSize(SEAL_SIZE).fillColor('black');
  lines.forEach((line, index) => {
    put(doc, line, MARGIN, y + 9 + index * lineHeight, { lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = y + 9 + height + 5;
}

export function drawStamp(doc: Doc, invoice: PrintedInvoice) {
  const { timbre } = invoice;
  const fields = [
    { label: 'Folio fiscal (UUID)', value: timbre.uuid },
    { label: 'Fecha de certificación', value: timbre.fechaTimbrado },
    { label: 'RFC del PAC', value: timbre.rfcProvCertif },
    { label: 'No. certificado SAT', value: timbre.noCertificadoSat },
    { label: 'No. certificado emisor', value: invoice.noCertificadoEmisor },
  ];
  const textX = MARGIN + QR_SIZE + 14;
  const textWidth = WIDTH - QR_SIZE - 14;
  const height = Math.max(QR_SIZE, fieldsHeight(doc, fields, textWidth) + 26);
  const top = heading(doc, 'Timbre fiscal digital', height);
  drawQr(doc, invoice.verificationUrl, MARGIN, top);
  const after = drawFields(doc, fields, textX, top + 6, textWidth);
  doc.font(FONT_BOLD).fontSize(8).fillColor('black');
  put(doc, 'Este documento es una representación impresa de un CFDI.', textX, after + 6, {
    width: textWidth,
  });
  doc.y = top + height + 8;
  sealBlock(doc, 'Sello digital del CFDI', invoice.selloEmisor);
  sealBlock(doc, 'Sello digital del SAT', timbre.selloSat);
  sealBlock(doc, 'Cadena original del complemento de certificación digital del SAT', timbre.cadena);
}

export const SANDBOX_TEXT = 'SIN VALIDEZ FISCAL — timbre de pruebas (sandbox)';

/** A red band across the top of the current page and a faint diagonal watermark over it. */
export function markSandbox(doc: Doc) {
  const { width, height } = doc.page;
  doc.rect(0, 8, width, 20).fill(ALERT);
  doc.font(FONT_BOLD).fontSize(10).fillColor('white');
  put(doc, SANDBOX_TEXT, 0, 13.5, { width, align: 'center', lineBreak: false });
  doc.save();
  doc.rotate(-38, { origin: [width / 2, height / 2] });
  doc.fillColor(ALERT).fillOpacity(0.1).font(FONT_BOLD).fontSize(54);
  put(doc, 'SIN VALIDEZ FISCAL', 0, height / 2 - 27, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black');
}

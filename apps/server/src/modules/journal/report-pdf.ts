import type { Readable } from 'node:stream';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import { formatPesos } from '../../platform/money.js';
import { createPdfDocument, type Doc, FONT_BOLD, FONT_REGULAR } from '../../platform/pdf/fonts.js';
import { polizaNumber } from './journal-lines.js';
import { drawTable, ensureRoom, MARGIN, pageFooters, sectionTitle } from './pdf-table.js';
import { dayText, type ReportModel, STATUS_LABELS } from './report-model.js';

// The printable report of a replenishment: letter, landscape; what was replenished, its totals, its
// findings, the póliza and the signatures.

const WIDTH = 720; // a landscape letter page inside its margins

const GENERATED = new Intl.DateTimeFormat('es-MX', {
  timeZone: MEXICO_TIME_ZONE,
  dateStyle: 'long',
  timeStyle: 'short',
});

const personOn = (person: { name: string } | null, at: Date | string | null) =>
  person ? `${person.name}, ${dayText(at)}` : '—';

function header(doc: Doc, model: ReportModel) {
  const { replenishment: r } = model;
  doc.font(FONT_BOLD).fontSize(15).text(`Reposición de caja chica · folio ${r.folio}`, MARGIN, MARGIN);
  doc
    .font(FONT_REGULAR)
    .fontSize(9)
    .fillColor('#333333')
    .text(`${model.organizationName}${model.organizationRfc ? ` · RFC ${model.organizationRfc}` : ''}`);
  doc.fillColor('black').moveDown(0.6);
  const info: [string, string][] = [
    ['Caja', r.fund.name],
    ['Responsable', model.custodianName || '—'],
    ['Estado', STATUS_LABELS[r.status]],
    ['Total', `${formatPesos(r.total)} MXN`],
    ['Solicitada', personOn(r.requestedBy ?? { name: 'Automática' }, r.requestedAt)],
    ['Aprobada', personOn(r.approvedBy, r.approvedAt)],
    ['Pagada', r.paymentDate ? `${dayText(r.paymentDate)} · ${r.paymentReference ?? ''}` : '—'],
    ['Registró el pago', personOn(r.paidBy, r.paidAt)],
  ];
  // Four per row; a row is as tall as its tallest value (long names wrap).
  const columnWidth = WIDTH / 4;
  let y = doc.y;
  for (let start = 0; start < info.length; start += 4) {
    const row = info.slice(start, start + 4);
    doc.font(FONT_BOLD).fontSize(9);
    const height = Math.max(...row.map(([, value]) => doc.heightOfString(value, { width: columnWidth - 8 })));
    row.forEach(([label, value], index) => {
      const x = MARGIN + index * columnWidth;
      doc.font(FONT_REGULAR).fontSize(7).fillColor('#666666').text(label.toUpperCase(), x, y);
      doc
        .font(FONT_BOLD)
        .fontSize(9)
        .fillColor('black')
        .text(value, x, y + 9, { width: columnWidth - 8 });
    });
    y += 9 + height + 6;
  }
  doc.x = MARGIN;
  doc.y = y + 4;
  if (r.status === 'canceled') {
    doc
      .font(FONT_BOLD)
      .fontSize(9)
      .fillColor('#b00020')
      .text(`Cancelada: ${r.cancelReason ?? ''}`);
    doc.fillColor('black').moveDown(0.5);
  }
}

function vouchers(doc: Doc, model: ReportModel) {
  sectionTitle(doc, `Comprobantes (${model.vouchers.length})`);
  drawTable(
    doc,
    [
      { header: '#', width: 18 },
      { header: 'Fecha', width: 46 },
      { header: 'Proveedor', width: 104 },
      { header: 'RFC', width: 66 },
      { header: 'UUID', width: 162 },
      { header: 'Concepto', width: 118 },
      { header: 'Categoría', width: 96 },
      { header: 'Importe', width: 66, align: 'right' },
      { header: 'Hallazgos', width: 44, align: 'right' },
    ],
    model.vouchers.map((row, index) => [
      String(index + 1),
      dayText(row.date),
      row.supplier,
      row.rfc,
      row.uuid,
      row.concept,
      row.category,
      formatPesos(row.amount),
      row.findings.length > 0 ? String(row.findings.length) : '',
    ]),
    [['', '', '', '', '', '', 'Total', formatPesos(model.replenishment.total), '']],
  );
  if (model.excluded.length > 0) {
    doc.font(FONT_REGULAR).fontSize(8).text('Excluidos de la reposición:', MARGIN, ensureRoom(doc, 24));
    for (const item of model.excluded) {
      doc.text(`• ${item.description}: ${item.reason}`, MARGIN, ensureRoom(doc, 12), { width: WIDTH });
    }
    doc.moveDown(0.5);
  }
}

function findings(doc: Doc, model: ReportModel) {
  const withFindings = model.vouchers.flatMap((row, index) =>
    row.findings.map((finding) => ({ index, finding })),
  );
  sectionTitle(doc, 'Hallazgos');
  doc.font(FONT_REGULAR).fontSize(8);
  if (withFindings.length === 0) doc.text('Ningún comprobante tiene hallazgos.', MARGIN);
  for (const { index, finding } of withFindings) {
    ensureRoom(doc, 12);
    const label = finding.severity === 'error' ? 'Error' : 'Aviso';
    doc.text(`#${index + 1} · ${label}: ${finding.message}`, MARGIN, doc.y, { width: WIDTH });
  }
  doc.moveDown(0.8);
}

function journal(doc: Doc, model: ReportModel) {
  const { entry } = model;
  if (!entry) return;
  sectionTitle(
    doc,
    entry.date
      ? `Póliza de egresos ${polizaNumber(entry)} del ${dayText(entry.date)}`
      : `Póliza de egresos ${polizaNumber(entry)} (propuesta: se registra al pagar)`,
  );
  drawTable(
    doc,
    [
      { header: 'Cuenta', width: 70 },
      { header: 'Nombre de la cuenta', width: 170 },
      { header: 'Concepto', width: 300 },
      { header: 'Debe', width: 90, align: 'right' },
      { header: 'Haber', width: 90, align: 'right' },
    ],
    entry.lines.map((line) => [
      line.account.code,
      line.account.name,
      line.description,
      line.debit === '0.00' ? '' : formatPesos(line.debit),
      line.credit === '0.00' ? '' : formatPesos(line.credit),
    ]),
    [['', '', 'Sumas iguales', formatPesos(entry.totalDebit), formatPesos(entry.totalCredit)]],
  );
}

function signatures(doc: Doc, model: ReportModel) {
  const { replenishment: r } = model;
  ensureRoom(doc, 110);
  sectionTitle(doc, 'Firmas');
  const top = doc.y + 40;
  const boxes: [string, string][] = [
    ['Responsable de la caja', model.custodianName],
    ['Aprobó', r.approvedBy?.name ?? ''],
    ['Pagó', r.paidBy?.name ?? ''],
  ];
  const width = WIDTH / 3;
  boxes.forEach(([role, name], index) => {
    const x = MARGIN + index * width + 20;
    doc
      .moveTo(x, top)
      .lineTo(x + width - 40, top)
      .lineWidth(0.7)
      .strokeColor('black')
      .stroke();
    doc
      .font(FONT_BOLD)
      .fontSize(8)
      .text(name || ' ', x, top + 4, { width: width - 40, align: 'center' });
    doc
      .font(FONT_REGULAR)
      .fontSize(7.5)
      .text(role, x, doc.y, { width: width - 40, align: 'center' });
  });
}

/** The report as a PDF (built at once: one replenishment holds at most a few thousand vouchers). */
export function reportPdf(model: ReportModel): Readable {
  const doc = createPdfDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Reposición ${model.replenishment.folio} — ${model.organizationName}`,
      Author: 'CajaChica',
    },
  });
  header(doc, model);
  vouchers(doc, model);
  sectionTitle(doc, 'Totales por categoría');
  drawTable(
    doc,
    [
      { header: 'Categoría', width: 300 },
      { header: 'Comprobantes', width: 80, align: 'right' },
      { header: 'Total', width: 100, align: 'right' },
    ],
    model.categoryTotals.map((row) => [row.category, String(row.count), formatPesos(row.total)]),
  );
  findings(doc, model);
  journal(doc, model);
  signatures(doc, model);
  pageFooters(
    doc,
    `Generado por CajaChica el ${GENERATED.format(model.generatedAt)} (hora de la Ciudad de México)`,
  );
  doc.end();
  return doc;
}

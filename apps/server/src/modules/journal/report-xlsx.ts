import ExcelJS from 'exceljs';
import { amountCell, dateCell } from '../../platform/exports/streamed-workbook.js';
import { polizaNumber } from './journal-lines.js';
import { dayText, type ReportModel, STATUS_LABELS } from './report-model.js';

// The report of a replenishment as a workbook: the replenishment (vouchers, totals by category,
// signatures) and its póliza on a second sheet.

const AMOUNT = '#,##0.00';
const bold = { bold: true };

type Sheet = ExcelJS.Worksheet;

function title(sheet: Sheet, text: string, size = 11) {
  sheet.addRow([text]).font = { bold: true, size };
}

/** A header row and rows; `formats` gives the number format of some columns (by 1-based index). */
function table(
  sheet: Sheet,
  headers: string[],
  rows: (string | number | Date | null)[][],
  formats: Record<number, string>,
) {
  sheet.addRow(headers).font = bold;
  for (const row of rows) {
    const added = sheet.addRow(row);
    for (const [column, numFmt] of Object.entries(formats)) added.getCell(Number(column)).numFmt = numFmt;
  }
}

function replenishmentSheet(workbook: ExcelJS.Workbook, model: ReportModel) {
  const r = model.replenishment;
  const sheet = workbook.addWorksheet('Reposición');
  sheet.columns = [6, 12, 30, 15, 38, 34, 28, 14, 60].map((width) => ({ width }));
  title(sheet, `Reposición de caja chica · folio ${r.folio}`, 14);
  sheet.addRow([
    `${model.organizationName}${model.organizationRfc ? ` · RFC ${model.organizationRfc}` : ''}`,
  ]);
  sheet.addRow([]);
  const info: [string, string | number | null][] = [
    ['Caja', r.fund.name],
    ['Responsable', model.custodianName],
    ['Estado', STATUS_LABELS[r.status]],
    ['Total', amountCell(r.total)],
    ['Solicitada', `${dayText(r.requestedAt)} ${r.requestedBy?.name ?? 'Automática'}`],
    ['Aprobada', r.approvedBy ? `${dayText(r.approvedAt)} ${r.approvedBy.name}` : ''],
    ['Fecha de pago', dayText(r.paymentDate)],
    ['Referencia de pago', r.paymentReference ?? ''],
    ['Registró el pago', r.paidBy?.name ?? ''],
  ];
  for (const [label, value] of info) {
    const row = sheet.addRow(['', label, value]);
    row.getCell(2).font = bold;
    if (typeof value === 'number') row.getCell(3).numFmt = AMOUNT;
  }
  sheet.addRow([]);
  title(sheet, `Comprobantes (${model.vouchers.length})`);
  table(
    sheet,
    ['#', 'Fecha', 'Proveedor', 'RFC', 'UUID', 'Concepto', 'Categoría', 'Importe', 'Hallazgos'],
    model.vouchers.map((row, index) => [
      index + 1,
      dateCell(row.date),
      row.supplier,
      row.rfc,
      row.uuid,
      row.concept,
      row.category,
      amountCell(row.amount),
      row.findings
        .map((finding) => `${finding.severity === 'error' ? 'Error' : 'Aviso'}: ${finding.message}`)
        .join('\n'),
    ]),
    { 2: 'dd/mm/yyyy', 8: AMOUNT },
  );
  const total = sheet.addRow(['', '', '', '', '', '', 'Total', amountCell(r.total)]);
  total.font = bold;
  total.getCell(8).numFmt = AMOUNT;
  for (const item of model.excluded) sheet.addRow(['', 'Excluido', item.description, '', item.reason]);
  sheet.addRow([]);
  title(sheet, 'Totales por categoría');
  table(
    sheet,
    ['', 'Comprobantes', 'Categoría', '', '', '', '', 'Total'],
    model.categoryTotals.map((row) => ['', row.count, row.category, '', '', '', '', amountCell(row.total)]),
    { 8: AMOUNT },
  );
  sheet.addRow([]);
  title(sheet, 'Firmas');
  sheet.addRow([]);
  sheet.addRow([
    '',
    '',
    '______________________',
    '',
    '______________________',
    '',
    '______________________',
  ]);
  sheet.addRow(['', '', model.custodianName, '', r.approvedBy?.name ?? '', '', r.paidBy?.name ?? '']).font =
    bold;
  sheet.addRow(['', '', 'Responsable de la caja', '', 'Aprobó', '', 'Pagó']);
}

function journalSheet(workbook: ExcelJS.Workbook, model: ReportModel) {
  const { entry } = model;
  const sheet = workbook.addWorksheet('Póliza');
  sheet.columns = [12, 34, 60, 14, 14, 38, 15].map((width) => ({ width }));
  if (!entry) {
    sheet.addRow(['La reposición fue cancelada: no registra póliza.']);
    return;
  }
  title(sheet, `Póliza de egresos ${polizaNumber(entry)}`, 13);
  sheet.addRow(['Fecha', entry.date ? dateCell(entry.date) : 'Se registra al pagar']).getCell(2).numFmt =
    'dd/mm/yyyy';
  sheet.addRow(['Concepto', entry.concept]);
  sheet.addRow([]);
  table(
    sheet,
    ['Cuenta', 'Nombre de la cuenta', 'Concepto', 'Debe', 'Haber', 'UUID', 'RFC'],
    entry.lines.map((line) => [
      line.account.code,
      line.account.name,
      line.description,
      amountCell(line.debit),
      amountCell(line.credit),
      line.cfdi?.uuid ?? '',
      line.cfdi?.rfc ?? '',
    ]),
    { 4: AMOUNT, 5: AMOUNT },
  );
  const sums = sheet.addRow([
    '',
    '',
    'Sumas iguales',
    amountCell(entry.totalDebit),
    amountCell(entry.totalCredit),
  ]);
  sums.font = bold;
  for (const column of [4, 5]) sums.getCell(column).numFmt = AMOUNT;
}

/** The report as an XLSX file in memory (one replenishment is small). */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CajaChica';
  workbook.created = model.generatedAt;
  replenishmentSheet(workbook, model);
  journalSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

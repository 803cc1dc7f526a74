import type { ExportedExpense } from './exported-expenses.js';

// The columns of the expense exports, in Spanish, shared by CSV, XLSX and PDF.

export type ColumnKind = 'text' | 'amount' | 'date';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width: number;
  value(row: ExportedExpense): string;
}

const STATUS_LABELS: Record<ExportedExpense['status'], string> = {
  draft: 'Borrador',
  submitted: 'Por aprobar',
  approved: 'Aprobado',
  rejected: 'Rechazado',
  replenished: 'Repuesto',
  discarded: 'Descartado',
};

const PAYMENT_LABELS: Record<ExportedExpense['paymentMethod'], string> = {
  fund_cash: 'Efectivo de la caja',
  employee: 'Pagado por el empleado',
  company_card: 'Tarjeta de la empresa',
  transfer: 'Transferencia',
};

const SAT_LABELS: Record<ExportedExpense['satStatus'], string> = {
  not_checked: 'Sin verificar',
  unverified: 'No se pudo verificar',
  vigente: 'Vigente',
  cancelado: 'Cancelado',
  no_encontrado: 'No encontrado',
};

export const statusLabel = (row: ExportedExpense) => STATUS_LABELS[row.status];

const text = (key: string, header: string, width: number, value: ExportColumn['value']): ExportColumn => ({
  key,
  header,
  kind: 'text',
  width,
  value,
});
const amount = (key: string, header: string, value: ExportColumn['value']): ExportColumn => ({
  key,
  header,
  kind: 'amount',
  width: 14,
  value,
});

export const EXPENSE_COLUMNS: readonly ExportColumn[] = [
  { key: 'date', header: 'Fecha', kind: 'date', width: 12, value: (row) => row.date },
  text('id', 'Id del gasto', 38, (row) => row.id),
  text('cfdiUuid', 'UUID del CFDI', 38, (row) => row.cfdiUuid ?? ''),
  text('supplierRfc', 'RFC del proveedor', 15, (row) => row.supplierRfc ?? ''),
  text('supplierName', 'Proveedor', 30, (row) => row.supplierName ?? ''),
  text('concept', 'Concepto', 30, (row) => row.concept),
  text('category', 'Categoría', 24, (row) => row.categoryName ?? ''),
  text('costCenter', 'Centro de costos', 20, (row) => row.costCenterName ?? ''),
  text('fund', 'Caja', 20, (row) => row.fundName ?? ''),
  text('spender', 'Persona', 22, (row) => row.spenderName),
  text('paymentMethod', 'Forma de pago', 22, (row) => PAYMENT_LABELS[row.paymentMethod]),
  text('currency', 'Moneda', 8, (row) => row.currency),
  amount('subtotal', 'Subtotal', (row) => row.subtotal),
  amount('discount', 'Descuento', (row) => row.discount),
  amount('ivaTransferred', 'IVA trasladado', (row) => row.ivaTransferred),
  amount('iepsTransferred', 'IEPS trasladado', (row) => row.iepsTransferred),
  amount('isrWithheld', 'ISR retenido', (row) => row.isrWithheld),
  amount('ivaWithheld', 'IVA retenido', (row) => row.ivaWithheld),
  amount('total', 'Total', (row) => row.total),
  amount('totalMxn', 'Total MXN', (row) => row.totalMxn),
  text('status', 'Estado', 14, statusLabel),
  text('invoicePending', 'Factura pendiente', 10, (row) => (row.invoicePending ? 'Sí' : 'No')),
  text('satStatus', 'Estado en el SAT', 18, (row) => SAT_LABELS[row.satStatus]),
  text('findings', 'Hallazgos', 30, (row) => row.findings.map((finding) => finding.code).join(', ')),
  text('findingDetails', 'Detalle de hallazgos', 60, (row) =>
    row.findings.map((finding) => finding.message).join(' | '),
  ),
];

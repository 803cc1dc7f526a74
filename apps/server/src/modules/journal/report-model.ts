import { mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos, money, sumMoney, toCentavos } from '../../platform/money.js';
import type { ReplenishmentsService } from '../replenishments/index.js';
import type { JournalEntry } from './journal-entry.js';

// What a replenishment's report says, computed once for both the PDF and the XLSX.

export type ReplenishmentDetail = Awaited<ReturnType<ReplenishmentsService['get']>>;
type Item = ReplenishmentDetail['items'][number];

export interface VoucherRow {
  date: string;
  supplier: string;
  rfc: string;
  uuid: string;
  concept: string;
  category: string;
  amount: string;
  findings: { severity: 'error' | 'warning'; message: string }[];
}

export interface ReportModel {
  organizationName: string;
  organizationRfc: string | null;
  replenishment: ReplenishmentDetail;
  custodianName: string;
  vouchers: VoucherRow[];
  excluded: { description: string; reason: string }[];
  categoryTotals: { category: string; count: number; total: string }[];
  entry: JournalEntry | null;
  generatedAt: Date;
}

export const STATUS_LABELS: Record<ReplenishmentDetail['status'], string> = {
  requested: 'Solicitada',
  approved: 'Aprobada',
  paid: 'Pagada',
  canceled: 'Cancelada',
};

/** "20/06/2026" for "2026-06-20" or an instant (as a day in Mexico City). */
export function dayText(value: string | Date | null): string {
  if (!value) return '';
  const day = typeof value === 'string' ? value : mexicoCityDate(value);
  return day.split('-').reverse().join('/');
}

const SHORTAGES = 'Faltantes y sobrantes de caja';

function voucherRow(item: Item): VoucherRow {
  const { voucher } = item;
  if (voucher.expense) {
    const { expense } = voucher;
    return {
      date: voucher.date,
      supplier: expense.supplier.name ?? '',
      rfc: expense.supplier.rfc ?? '',
      uuid: expense.cfdiUuid ?? '',
      concept: expense.concept,
      category: expense.category?.name ?? 'Sin categoría',
      amount: voucher.amount,
      findings: expense.findings.map(({ severity, message }) => ({ severity, message })),
    };
  }
  const kind = voucher.cashCount?.kind === 'overage' ? 'Sobrante' : 'Faltante';
  return {
    date: voucher.date,
    supplier: '',
    rfc: '',
    uuid: '',
    concept: `${kind} del arqueo de caja`,
    category: SHORTAGES,
    amount: voucher.amount,
    findings: [],
  };
}

/** Totals by category, largest first; counted differences together on their own line. */
function categoryTotals(vouchers: VoucherRow[]) {
  const groups = new Map<string, VoucherRow[]>();
  for (const row of vouchers) groups.set(row.category, [...(groups.get(row.category) ?? []), row]);
  return [...groups]
    .map(([category, rows]) => ({
      category,
      count: rows.length,
      total: toCentavos(sumMoney(rows.map((row) => row.amount))),
    }))
    .sort((a, b) => money(b.total).comparedTo(a.total));
}

export function reportModel(
  parts: Omit<ReportModel, 'vouchers' | 'excluded' | 'categoryTotals'>,
): ReportModel {
  const { items, status } = parts.replenishment;
  // Canceling deactivates every item: a canceled replenishment still shows what it held.
  const canceled = status === 'canceled';
  const vouchers = items.filter((item) => item.active || canceled).map(voucherRow);
  const excluded = items
    .filter((item) => !item.active && !canceled)
    .map((item) => {
      const row = voucherRow(item);
      return {
        description: `${dayText(row.date)} ${row.concept} (${formatPesos(row.amount)})`,
        reason: item.excludedReason ?? '',
      };
    });
  return { ...parts, vouchers, excluded, categoryTotals: categoryTotals(vouchers) };
}

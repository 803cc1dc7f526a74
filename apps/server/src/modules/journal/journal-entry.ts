import { Money, money, sumMoney, toCentavos, ZERO } from '../../platform/money.js';
import type { ExpenseAmounts } from '../expenses/expense-amounts.js';
import { categoryAccount, type JournalAccount, type JournalAccounts } from './journal-accounts.js';

// The póliza de egresos of a replenishment: pure arithmetic on exact decimals, no I/O.

/** The CFDI behind a line (CompNal of the SAT's PLZ): amounts in the CFDI's own currency. */
export interface CfdiReference {
  uuid: string;
  rfc: string;
  total: string;
  currency: string;
  exchangeRate: string | null;
}

export interface ExpenseVoucherInput extends ExpenseAmounts {
  kind: 'expense';
  id: string;
  date: string;
  concept: string;
  supplierRfc: string | null;
  supplierName: string | null;
  cfdiUuid: string | null;
  category: { name: string; satAccountCode: string; accountCode: string | null } | null;
  /** What the voucher moved in the fund (MXN to the centavo): the voucher's lines add up to it. */
  amount: string;
}

export interface CashCountVoucherInput {
  kind: 'cash_count';
  id: string;
  date: string;
  /** Shortage positive, overage negative (MXN). */
  amount: string;
}

export type VoucherInput = ExpenseVoucherInput | CashCountVoucherInput;

export interface ReplenishmentInput {
  id: string;
  folio: number;
  fundName: string;
  /** The payment date (the póliza's date); null while not paid (a preview). */
  date: string | null;
  paymentReference: string | null;
  total: string;
  vouchers: VoucherInput[];
}

export interface JournalLine {
  account: JournalAccount;
  description: string;
  debit: string;
  credit: string;
  voucherId: string | null;
  cfdi: CfdiReference | null;
}

export interface JournalEntry {
  replenishmentId: string;
  folio: number;
  fundName: string;
  paymentReference: string | null;
  date: string | null;
  concept: string;
  lines: JournalLine[];
  totalDebit: string;
  totalCredit: string;
}

const round = (value: Money) => value.toDecimalPlaces(2, Money.ROUND_HALF_UP);

/** "0", "0.00", "0.000000": most tax columns of a voucher, skipped without decimal arithmetic. */
const ZERO_TEXT = /^0+(\.0*)?$/;

/** MXN per unit: the stored rate, or (a CFDI in another currency without one) the rate its totals imply. */
function rateOf(voucher: ExpenseVoucherInput): Money {
  if (voucher.currency === 'MXN') return money(1);
  if (voucher.exchangeRate && !money(voucher.exchangeRate).isZero()) return money(voucher.exchangeRate);
  return money(voucher.total).isZero() ? money(1) : money(voucher.amount).div(voucher.total);
}

/** A CFDI amount without the database's padding: "11.60" for 11.600000, all six decimals when it has them. */
function cfdiAmountText(value: string): string {
  // The usual case, "2900.000000": the centavos as written, without decimal arithmetic.
  const centavos = /^(\d+\.\d\d)0*$/.exec(value);
  if (centavos?.[1]) return centavos[1];
  const amount = money(value);
  return amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toString();
}

function cfdiOf(voucher: ExpenseVoucherInput): CfdiReference | null {
  if (!voucher.cfdiUuid || !voucher.supplierRfc) return null;
  return {
    uuid: voucher.cfdiUuid,
    rfc: voucher.supplierRfc,
    total: cfdiAmountText(voucher.total),
    currency: voucher.currency,
    exchangeRate: voucher.currency === 'MXN' ? null : rateOf(voucher).toString(),
  };
}

/** A signed amount as a line: positive is a debit (cargo), negative a credit (abono); zero is no line. */
function signedLine(
  account: JournalAccount,
  description: string,
  amount: Money,
  voucher: { id: string; cfdi: CfdiReference | null } | null,
): JournalLine[] {
  if (amount.isZero()) return [];
  return [
    {
      account,
      description,
      debit: amount.isPositive() ? toCentavos(amount) : '0.00',
      credit: amount.isNegative() ? toCentavos(amount.neg()) : '0.00',
      voucherId: voucher?.id ?? null,
      cfdi: voucher?.cfdi ?? null,
    },
  ];
}

/**
 * An expense's lines: its category's account for what is not creditable (subtotal − discount +
 * IEPS + local taxes), IVA acreditable, and the withholdings as credits. Each tax is converted to
 * MXN and rounded on its own; the expense line takes the remainder, so the lines add up exactly to
 * what the voucher moved in the fund.
 */
function expenseLines(voucher: ExpenseVoucherInput, accounts: JournalAccounts): JournalLine[] {
  const rate = rateOf(voucher);
  const pesos = voucher.currency === 'MXN';
  const mxn = (value: string) =>
    ZERO_TEXT.test(value) ? ZERO : round(pesos ? money(value) : money(value).times(rate));
  const iva = mxn(voucher.ivaTransferred);
  const isr = mxn(voucher.isrWithheld);
  const ivaWithheld = mxn(voucher.ivaWithheld);
  const localWithheld = mxn(voucher.localTaxesWithheld);
  // Zero taxes (the usual case) are left out of the sum rather than added.
  const expense = [isr, ivaWithheld, localWithheld].reduce(
    (sum, tax) => (tax.isZero() ? sum : sum.plus(tax)),
    iva.isZero() ? money(voucher.amount) : money(voucher.amount).minus(iva),
  );
  const who = voucher.supplierName ?? voucher.supplierRfc;
  const concept = who ? `${voucher.concept} · ${who}` : voucher.concept;
  const ref = { id: voucher.id, cfdi: cfdiOf(voucher) };
  return [
    ...signedLine(categoryAccount(voucher.category, accounts), concept, expense, ref),
    ...signedLine(accounts.ivaPaid, `IVA acreditable · ${concept}`, iva, ref),
    ...signedLine(accounts.isrWithheld, `ISR retenido · ${concept}`, isr.neg(), ref),
    ...signedLine(accounts.ivaWithheld, `IVA retenido · ${concept}`, ivaWithheld.neg(), ref),
    ...signedLine(
      accounts.localTaxesWithheld,
      `Impuestos locales retenidos · ${concept}`,
      localWithheld.neg(),
      ref,
    ),
  ];
}

function cashCountLines(voucher: CashCountVoucherInput, accounts: JournalAccounts): JournalLine[] {
  const amount = money(voucher.amount);
  const ref = { id: voucher.id, cfdi: null };
  return amount.isNegative()
    ? signedLine(accounts.cashOverage, `Sobrante de caja del arqueo del ${voucher.date}`, amount, ref)
    : signedLine(accounts.cashShortage, `Faltante de caja del arqueo del ${voucher.date}`, amount, ref);
}

/**
 * The póliza de egresos of a replenishment: each voucher's lines, then the bank credited with the
 * replenishment's total. Debits equal credits because a replenishment's total is the sum of its
 * vouchers (invariant I4); a total that is not is refused rather than booked unbalanced.
 */
export function buildReplenishmentEntry(
  replenishment: ReplenishmentInput,
  accounts: JournalAccounts,
): JournalEntry {
  const vouchersTotal = sumMoney(replenishment.vouchers.map((voucher) => voucher.amount));
  if (!vouchersTotal.equals(replenishment.total)) {
    throw new Error(
      `replenishment ${replenishment.folio}: vouchers add up to ${vouchersTotal.toFixed(2)}, its total is ${replenishment.total}`,
    );
  }
  const concept = `Reposición de caja chica ${replenishment.fundName}, folio ${replenishment.folio}`;
  const bankDescription = replenishment.paymentReference
    ? `Transferencia ${replenishment.paymentReference} · ${concept}`
    : concept;
  const lines = [
    ...replenishment.vouchers.flatMap((voucher) =>
      voucher.kind === 'expense' ? expenseLines(voucher, accounts) : cashCountLines(voucher, accounts),
    ),
    ...signedLine(accounts.bank, bankDescription, money(replenishment.total).neg(), null),
  ];
  // Every line is a debit or a credit: the other side is "0.00".
  const totalDebit = lines.reduce<Money>(
    (sum, line) => (line.debit === '0.00' ? sum : sum.plus(line.debit)),
    ZERO,
  );
  const totalCredit = lines.reduce<Money>(
    (sum, line) => (line.credit === '0.00' ? sum : sum.plus(line.credit)),
    ZERO,
  );
  return {
    replenishmentId: replenishment.id,
    folio: replenishment.folio,
    fundName: replenishment.fundName,
    paymentReference: replenishment.paymentReference,
    date: replenishment.date,
    concept,
    lines,
    totalDebit: toCentavos(totalDebit),
    totalCredit: toCentavos(totalCredit),
  };
}

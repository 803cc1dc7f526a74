import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, sumMoney, toCentavos } from '../../platform/money.js';
import { DEFAULT_JOURNAL_ACCOUNTS } from './journal-accounts.js';
import { buildReplenishmentEntry, type VoucherInput } from './journal-entry.js';

// Random vouchers as CFDIs produce them: taxes computed from the base, any currency and rate,
// totalMxn rounded half-up; plus counted shortages and overages.

const cfdiAmount = (max: number) =>
  fc.integer({ min: 0, max: max * 1_000_000 }).map((micro) => money(micro).div(1_000_000));

const expenseVoucher = fc
  .record({
    subtotal: cfdiAmount(50_000),
    discountShare: fc.integer({ min: 0, max: 100 }),
    ivaRate: fc.constantFrom('0', '0.08', '0.16'),
    iepsRate: fc.constantFrom('0', '0.08', '0.265'),
    localRate: fc.constantFrom('0', '0.03'),
    withholds: fc.boolean(),
    localWithheld: fc.boolean(),
    currency: fc.constantFrom('MXN', 'USD', 'EUR'),
    rate: fc.integer({ min: 1, max: 30_000_000 }).map((micro) => money(micro).div(1_000_000)),
    categorized: fc.boolean(),
  })
  .map((drawn): VoucherInput | null => {
    const base = drawn.subtotal.minus(drawn.subtotal.times(drawn.discountShare).div(100).toDecimalPlaces(6));
    const ieps = base.times(drawn.iepsRate).toDecimalPlaces(6);
    const iva = base.plus(ieps).times(drawn.ivaRate).toDecimalPlaces(6);
    const local = base.times(drawn.localRate).toDecimalPlaces(6);
    const isr = drawn.withholds ? base.times('0.10').toDecimalPlaces(6) : money(0);
    const ivaWithheld = drawn.withholds ? iva.times(2).div(3).toDecimalPlaces(6) : money(0);
    const localWithheld = drawn.localWithheld ? base.times('0.02').toDecimalPlaces(6) : money(0);
    const total = base.plus(ieps).plus(iva).plus(local).minus(isr).minus(ivaWithheld).minus(localWithheld);
    const rate = drawn.currency === 'MXN' ? money(1) : drawn.rate;
    const amount = toCentavos(total.times(rate));
    // A voucher moves at least a centavo (the database refuses zero or negative totals).
    if (money(amount).lessThanOrEqualTo(0)) return null;
    return {
      kind: 'expense',
      id: `gasto-${amount}`,
      date: '2026-06-15',
      concept: 'Compra',
      supplierRfc: 'EKU9003173C9',
      supplierName: null,
      cfdiUuid: '5E2D6AFF-2DD7-43D1-83D3-14C1ACA396D9',
      category: drawn.categorized ? { name: 'Limpieza', satAccountCode: '601.54', accountCode: null } : null,
      currency: drawn.currency,
      exchangeRate: drawn.currency === 'MXN' ? null : rate.toString(),
      subtotal: drawn.subtotal.toString(),
      discount: drawn.subtotal.minus(base).toString(),
      ivaTransferred: iva.toString(),
      iepsTransferred: ieps.toString(),
      isrWithheld: isr.toString(),
      ivaWithheld: ivaWithheld.toString(),
      localTaxesTransferred: local.toString(),
      localTaxesWithheld: localWithheld.toString(),
      total: total.toString(),
      amount,
    };
  });

const cashCountVoucher = fc
  .integer({ min: -50_000, max: 50_000 })
  .filter((centavos) => centavos !== 0)
  .map(
    (centavos): VoucherInput => ({
      kind: 'cash_count',
      id: `arqueo-${centavos}`,
      date: '2026-06-18',
      amount: money(centavos).div(100).toFixed(2),
    }),
  );

const replenishment = fc
  .array(fc.oneof(expenseVoucher, cashCountVoucher), { minLength: 1, maxLength: 25 })
  .map((drawn) => drawn.filter((voucher): voucher is VoucherInput => voucher !== null))
  // A replenishment always pays something: its total is positive.
  .filter((vouchers) => sumMoney(vouchers.map((voucher) => voucher.amount)).greaterThan(0));

describe('póliza de egresos, for any replenishment', () => {
  it('balances: Σ debits = Σ credits, the bank is credited the total, and each voucher nets its amount', () => {
    fc.assert(
      fc.property(replenishment, (vouchers) => {
        const total = toCentavos(sumMoney(vouchers.map((voucher) => voucher.amount)));
        const entry = buildReplenishmentEntry(
          {
            id: 'r',
            folio: 1,
            fundName: 'Caja',
            date: '2026-06-20',
            paymentReference: null,
            total,
            vouchers,
          },
          DEFAULT_JOURNAL_ACCOUNTS,
        );
        expect(entry.totalDebit).toBe(entry.totalCredit);
        for (const line of entry.lines) {
          expect(line.debit).toMatch(/^\d+\.\d{2}$/);
          expect(line.credit).toMatch(/^\d+\.\d{2}$/);
          // Exactly one side of a line carries the amount.
          expect(money(line.debit).isZero() !== money(line.credit).isZero()).toBe(true);
        }
        expect(entry.lines.at(-1)).toMatchObject({ account: DEFAULT_JOURNAL_ACCOUNTS.bank, credit: total });
        for (const voucher of vouchers) {
          const own = entry.lines.filter((line) => line.voucherId === voucher.id);
          const net = sumMoney(own.map((line) => money(line.debit).minus(line.credit)));
          // Vouchers with the same id (same drawn amount) are checked together.
          const sameId = vouchers.filter((other) => other.id === voucher.id);
          expect(net.equals(sumMoney(sameId.map((other) => other.amount)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

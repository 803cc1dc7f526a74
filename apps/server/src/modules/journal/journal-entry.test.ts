import { describe, expect, it } from 'vitest';
import { DEFAULT_JOURNAL_ACCOUNTS } from './journal-accounts.js';
import { buildReplenishmentEntry, type ExpenseVoucherInput, type VoucherInput } from './journal-entry.js';

const PAPELERIA = { name: 'Papelería y artículos de oficina', satAccountCode: '601.55', accountCode: null };
const UUID = '5E2D6AFF-2DD7-43D1-83D3-14C1ACA396D9';

function expense(overrides: Partial<ExpenseVoucherInput>): ExpenseVoucherInput {
  return {
    kind: 'expense',
    id: 'gasto-1',
    date: '2026-06-15',
    concept: 'Tijeras',
    supplierRfc: 'EKU9003173C9',
    supplierName: 'ESCUELA KEMPER URGATE',
    cfdiUuid: UUID,
    category: PAPELERIA,
    currency: 'MXN',
    exchangeRate: null,
    subtotal: '100.00',
    discount: '0',
    ivaTransferred: '16.00',
    iepsTransferred: '0',
    isrWithheld: '0',
    ivaWithheld: '0',
    localTaxesTransferred: '0',
    localTaxesWithheld: '0',
    total: '116.00',
    amount: '116.00',
    ...overrides,
  };
}

function entryOf(vouchers: VoucherInput[], total: string) {
  return buildReplenishmentEntry(
    {
      id: 'rep-1',
      folio: 7,
      fundName: 'Caja Matriz',
      date: '2026-06-20',
      paymentReference: 'SPEI 123',
      total,
      vouchers,
    },
    DEFAULT_JOURNAL_ACCOUNTS,
  );
}

/** Lines as [account, debit, credit]: what an accountant reads first. */
const booked = (vouchers: VoucherInput[], total: string) =>
  entryOf(vouchers, total).lines.map((line) => [line.account.code, line.debit, line.credit]);

describe('póliza de egresos of a replenishment', () => {
  it.each([
    {
      name: 'a CFDI with IVA: the expense by category, IVA acreditable pagado, the bank',
      vouchers: [expense({})],
      total: '116.00',
      lines: [
        ['601.55', '100.00', '0.00'],
        ['118.01', '16.00', '0.00'],
        ['102.01', '0.00', '116.00'],
      ],
    },
    {
      name: 'a discount lowers the expense; IEPS is not creditable and stays in it',
      vouchers: [
        expense({
          subtotal: '200.00',
          discount: '20.00',
          iepsTransferred: '14.40',
          ivaTransferred: '31.10',
          total: '225.50',
          amount: '225.50',
        }),
      ],
      total: '225.50',
      lines: [
        ['601.55', '194.40', '0.00'],
        ['118.01', '31.10', '0.00'],
        ['102.01', '0.00', '225.50'],
      ],
    },
    {
      name: 'withholdings (honorarios): ISR and IVA retenidos are credited, the bank pays the net',
      vouchers: [
        expense({
          subtotal: '1000.00',
          ivaTransferred: '160.00',
          isrWithheld: '100.00',
          ivaWithheld: '106.67',
          total: '953.33',
          amount: '953.33',
        }),
      ],
      total: '953.33',
      lines: [
        ['601.55', '1000.00', '0.00'],
        ['118.01', '160.00', '0.00'],
        ['216.04', '0.00', '100.00'],
        ['216.10', '0.00', '106.67'],
        ['102.01', '0.00', '953.33'],
      ],
    },
    {
      name: 'local taxes: transferred ones are part of the expense, withheld ones a liability',
      vouchers: [
        expense({
          subtotal: '1000.00',
          ivaTransferred: '160.00',
          localTaxesTransferred: '30.00',
          localTaxesWithheld: '20.00',
          total: '1170.00',
          amount: '1170.00',
        }),
      ],
      total: '1170.00',
      lines: [
        ['601.55', '1030.00', '0.00'],
        ['118.01', '160.00', '0.00'],
        ['216.12', '0.00', '20.00'],
        ['102.01', '0.00', '1170.00'],
      ],
    },
    {
      name: 'a CFDI in dollars is converted with its TipoCambio',
      vouchers: [expense({ currency: 'USD', exchangeRate: '17.254321', amount: '2001.50' })],
      total: '2001.50',
      lines: [
        ['601.55', '1725.43', '0.00'],
        ['118.01', '276.07', '0.00'],
        ['102.01', '0.00', '2001.50'],
      ],
    },
    {
      name: 'rounding in dollars: IVA is rounded on its own and the expense takes the centavo left over',
      vouchers: [
        expense({
          currency: 'USD',
          exchangeRate: '17.123457',
          subtotal: '1.09',
          ivaTransferred: '0.17',
          total: '1.26',
          amount: '21.58',
        }),
      ],
      total: '21.58',
      lines: [
        ['601.55', '18.67', '0.00'],
        ['118.01', '2.91', '0.00'],
        ['102.01', '0.00', '21.58'],
      ],
    },
    {
      name: 'a ticket without CFDI and without IVA',
      vouchers: [
        expense({
          cfdiUuid: null,
          supplierRfc: null,
          ivaTransferred: '0',
          total: '100.00',
          amount: '100.00',
        }),
      ],
      total: '100.00',
      lines: [
        ['601.55', '100.00', '0.00'],
        ['102.01', '0.00', '100.00'],
      ],
    },
    {
      name: 'cash counts: a shortage to faltantes de caja, an overage to otros ingresos',
      vouchers: [
        expense({}),
        { kind: 'cash_count' as const, id: 'arqueo-1', date: '2026-06-18', amount: '50.00' },
        { kind: 'cash_count' as const, id: 'arqueo-2', date: '2026-06-19', amount: '-20.00' },
      ],
      total: '146.00',
      lines: [
        ['601.55', '100.00', '0.00'],
        ['118.01', '16.00', '0.00'],
        ['703.21', '50.00', '0.00'],
        ['403.01', '0.00', '20.00'],
        ['102.01', '0.00', '146.00'],
      ],
    },
    {
      name: "the organization's own account number wins; no category goes to otros gastos generales",
      vouchers: [
        expense({
          category: { ...PAPELERIA, accountCode: '6100-010' },
          ivaTransferred: '0',
          total: '10.00',
          amount: '10.00',
        }),
        expense({ id: 'gasto-2', category: null, ivaTransferred: '0', total: '5.00', amount: '5.00' }),
      ],
      total: '15.00',
      lines: [
        ['6100-010', '10.00', '0.00'],
        ['601.84', '5.00', '0.00'],
        ['102.01', '0.00', '15.00'],
      ],
    },
  ])('$name', ({ vouchers, total, lines }) => {
    const entry = entryOf(vouchers, total);
    expect(booked(vouchers, total)).toEqual(lines);
    expect(entry.totalDebit).toBe(entry.totalCredit);
  });

  it("dates the póliza on the payment and carries each voucher's CFDI on its lines, not on the bank's", () => {
    const entry = entryOf(
      [expense({ currency: 'USD', exchangeRate: '17.254321', amount: '2001.50' })],
      '2001.50',
    );
    expect(entry).toMatchObject({
      date: '2026-06-20',
      folio: 7,
      concept: 'Reposición de caja chica Caja Matriz, folio 7',
    });
    const [expenseLine, ivaLine, bankLine] = entry.lines;
    const cfdi = {
      uuid: UUID,
      rfc: 'EKU9003173C9',
      total: '116.00',
      currency: 'USD',
      exchangeRate: '17.254321',
    };
    expect(expenseLine).toMatchObject({
      cfdi,
      voucherId: 'gasto-1',
      description: 'Tijeras · ESCUELA KEMPER URGATE',
    });
    expect(ivaLine?.cfdi).toEqual(cfdi);
    expect(bankLine).toMatchObject({
      cfdi: null,
      description: expect.stringContaining('Transferencia SPEI 123'),
    });
  });

  it('refuses a replenishment whose total is not the sum of its vouchers (it would not balance)', () => {
    expect(() => entryOf([expense({})], '120.00')).toThrow(/add up to 116.00/);
  });
});

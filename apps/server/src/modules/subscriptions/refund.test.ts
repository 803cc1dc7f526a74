import { describe, expect, it } from 'vitest';
import { addCalendarMonths, monthSlices, sliceIndexOf } from './billing-calendar.js';
import { annualRefund } from './refund.js';

const ivaRate = '0.16';

describe('annual refund of whole unused months (BILLING.md)', () => {
  // Every row of BILLING.md's refund table.
  it.each([
    ['2026-04-25', 8, '8000.00', '6896.55', '1103.45', '2026-05-10'],
    ['2026-04-09', 9, '9000.00', '7758.62', '1241.38', '2026-04-10'],
    ['2026-12-20', 0, '0.00', '0.00', '0.00', '2027-01-10'],
  ])(
    '12,000 paid from 2026-01-10, suspended on %s → %i unused months, %s',
    (day, unused, total, base, iva, ends) => {
      expect(annualRefund({ paidTotal: '12000.00', start: '2026-01-10', suspendedOn: day, ivaRate })).toEqual(
        {
          unusedMonths: unused,
          total,
          base,
          iva,
          accessEndsOn: ends,
        },
      );
    },
  );

  it('counts the first day of a slice in that slice, and the day before it in the previous one', () => {
    const on = (suspendedOn: string) =>
      annualRefund({ paidTotal: '12000.00', start: '2026-01-10', suspendedOn, ivaRate }).unusedMonths;
    expect(on('2026-01-10')).toBe(11);
    expect(on('2026-02-09')).toBe(11);
    expect(on('2026-02-10')).toBe(10);
    expect(on('2027-01-09')).toBe(0);
  });

  it('refunds all 12 months of a plan paid during the trial, with access to the trial end', () => {
    expect(
      annualRefund({
        paidTotal: '13920.00',
        start: '2026-03-01',
        suspendedOn: '2026-02-20',
        trialEndsOn: '2026-03-01',
        ivaRate,
      }),
    ).toEqual({
      unusedMonths: 12,
      total: '13920.00',
      base: '12000.00',
      iva: '1920.00',
      accessEndsOn: '2026-03-01',
    });
  });

  it('rounds to the centavo and splits IVA so that base + IVA is exactly the refund', () => {
    const refund = annualRefund({
      paidTotal: '1000.01',
      start: '2026-01-10',
      suspendedOn: '2026-03-15',
      ivaRate,
    });
    expect(refund).toMatchObject({ unusedMonths: 9, total: '750.01', base: '646.56', iva: '103.45' });
  });

  it('refuses a term that is already over', () => {
    expect(() =>
      annualRefund({ paidTotal: '12000.00', start: '2025-01-10', suspendedOn: '2026-01-10', ivaRate }),
    ).toThrow();
  });
});

describe('month slices', () => {
  it('clamps to the month end and always counts from the start (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(monthSlices('2026-01-31', 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('places a day in its slice, before the term (−1) or after it', () => {
    const slices = monthSlices('2026-01-31', 2);
    expect(sliceIndexOf(slices, '2026-01-30')).toBe(-1);
    expect(sliceIndexOf(slices, '2026-02-27')).toBe(0);
    expect(sliceIndexOf(slices, '2026-02-28')).toBe(1);
    expect(sliceIndexOf(slices, '2026-03-31')).toBe(2);
  });
});

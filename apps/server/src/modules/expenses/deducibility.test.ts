import { describe, expect, it } from 'vitest';
import { type DeducibilityInput, deducibilityFindings, findingLevel } from './deducibility.js';

const ORG_RFC = 'MCI7306249Y1';
const base: DeducibilityInput = {
  paymentMethod: 'employee',
  totalMxn: '500.00',
  hasCfdi: true,
  fiscalYear: 2026,
  category: { name: 'Papelería', isFuel: false, cfdiUses: ['G03'] },
  cfdi: { paymentForm: '04', use: 'G03', receiverRfc: ORG_RFC, issuedAt: '2026-03-01T10:00:00' },
  organizationRfc: ORG_RFC,
  satStatus: 'vigente',
  supplier69b: null,
  policy: { maxPerExpense: null, cfdiRequiredAbove: null },
};
const codes = (change: Partial<DeducibilityInput>) =>
  deducibilityFindings({ ...base, ...change }).map((finding) => finding.code);
const cfdi = (change: Partial<NonNullable<DeducibilityInput['cfdi']>>) => ({
  cfdi: { ...(base.cfdi as NonNullable<DeducibilityInput['cfdi']>), ...change },
});

describe('deducibility rules', () => {
  it('finds nothing in a clean expense paid by card with its CFDI', () => {
    expect(codes({})).toEqual([]);
  });

  it.each<[string, Partial<DeducibilityInput>, string[]]>([
    [
      'cash from the fund over $2,000',
      { paymentMethod: 'fund_cash', totalMxn: '2000.01' },
      ['CASH_OVER_LIMIT'],
    ],
    ['cash from the fund of exactly $2,000', { paymentMethod: 'fund_cash', totalMxn: '2000.00' }, []],
    [
      'CFDI paid with FormaPago 01 over $2,000',
      { totalMxn: '3500.00', ...cfdi({ paymentForm: '01' }) },
      ['CASH_OVER_LIMIT'],
    ],
    [
      'fuel in cash, even a small amount',
      { paymentMethod: 'fund_cash', category: { name: 'Combustibles', isFuel: true, cfdiUses: ['G03'] } },
      ['FUEL_PAID_IN_CASH'],
    ],
    ['fuel by card', { category: { name: 'Combustibles', isFuel: true, cfdiUses: ['G03'] } }, []],
    ['no CFDI', { hasCfdi: false, cfdi: null }, ['MISSING_CFDI']],
    ["the organization's RFC not captured", { organizationRfc: null }, ['ORGANIZATION_RFC_MISSING']],
    [
      "a CFDI to another organization's RFC",
      cfdi({ receiverRfc: 'XAXX010101000' }),
      ['RECEIVER_RFC_MISMATCH'],
    ],
    ['a use inconsistent with the category', cfdi({ use: 'D01' }), ['CFDI_USE_INCONSISTENT']],
    ['a CFDI of another fiscal year', cfdi({ issuedAt: '2025-12-31T23:59:59' }), ['CFDI_OTHER_FISCAL_YEAR']],
    ['cancelled at SAT', { satStatus: 'cancelado' }, ['SAT_CANCELLED']],
    ['not found at SAT', { satStatus: 'no_encontrado' }, ['SAT_NOT_FOUND']],
    ['a supplier in 69-B definitivo', { supplier69b: 'definitivo' }, ['SUPPLIER_69B_DEFINITIVO']],
    ['a supplier in 69-B presunto', { supplier69b: 'presunto' }, ['SUPPLIER_69B_PRESUNTO']],
    [
      'over the policy maximum',
      { policy: { maxPerExpense: '499.99', cfdiRequiredAbove: null } },
      ['POLICY_MAX_PER_EXPENSE'],
    ],
    [
      'no CFDI above the policy amount',
      { hasCfdi: false, cfdi: null, policy: { maxPerExpense: null, cfdiRequiredAbove: '100.00' } },
      ['MISSING_CFDI', 'POLICY_CFDI_REQUIRED'],
    ],
  ])('flags %s', (_label, change, expected) => {
    expect(codes(change)).toEqual(expected);
  });

  it('says in Spanish what to do, with the amount in pesos', () => {
    const [finding] = deducibilityFindings({ ...base, paymentMethod: 'fund_cash', totalMxn: '12500.5' });
    expect(finding?.message).toContain('$12,500.50');
    expect(finding?.message).toContain('LISR art. 27');
  });

  it('summarizes severity for filtering', () => {
    expect(findingLevel([])).toBe(0);
    expect(findingLevel(deducibilityFindings({ ...base, hasCfdi: false, cfdi: null }))).toBe(1);
    expect(findingLevel(deducibilityFindings({ ...base, satStatus: 'cancelado' }))).toBe(2);
  });
});

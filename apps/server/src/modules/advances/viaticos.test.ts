import { describe, expect, it } from 'vitest';
import { type TravelExpense, type Trip, viaticosFindings } from './viaticos.js';

const LIMITS = {
  foodNationalPerDay: '750.00',
  foodAbroadPerDay: '1500.00',
  carRentalPerDay: '850.00',
  lodgingAbroadPerDay: '3850.00',
};
const national: Trip = { scope: 'national', start: '2026-03-10', end: '2026-03-12' };
const abroad: Trip = { scope: 'abroad', start: '2026-03-10', end: '2026-03-12' };

let counter = 0;
const expense = (
  travelKind: TravelExpense['travelKind'],
  totalMxn: string,
  date = '2026-03-10',
  status: TravelExpense['status'] = 'approved',
): TravelExpense => ({ id: `e${++counter}`, date, travelKind, totalMxn, status });

/** The codes found on each expense, in the expenses' order. */
const codes = (trip: Trip | null, expenses: TravelExpense[]) => {
  const found = viaticosFindings(trip, expenses, LIMITS);
  return expenses.map((e) => (found.get(e.id) ?? []).map((f) => f.code));
};

describe('viáticos per-day limits (LISR art. 28 fr. V)', () => {
  it.each<[string, Trip, TravelExpense[], string[][]]>([
    ['food in Mexico at the limit', national, [expense('food', '750.00')], [[]]],
    ['food in Mexico over the limit', national, [expense('food', '750.01')], [['VIATICOS_DAILY_LIMIT']]],
    ['food abroad under its higher limit', abroad, [expense('food', '1200.00')], [[]]],
    ['food abroad over the limit', abroad, [expense('food', '1500.50')], [['VIATICOS_DAILY_LIMIT']]],
    [
      'two meals of one day that add up over the limit: both flagged',
      national,
      [expense('food', '400.00'), expense('food', '400.00')],
      [['VIATICOS_DAILY_LIMIT'], ['VIATICOS_DAILY_LIMIT']],
    ],
    [
      'two meals on different days, each under the limit',
      national,
      [expense('food', '700.00', '2026-03-10'), expense('food', '700.00', '2026-03-11')],
      [[], []],
    ],
    ['car rental over its limit', national, [expense('car_rental', '900.00')], [['VIATICOS_DAILY_LIMIT']]],
    ['lodging in Mexico has no daily cap', national, [expense('lodging', '9000.00')], [[]]],
    ['lodging abroad over its cap', abroad, [expense('lodging', '4000.00')], [['VIATICOS_DAILY_LIMIT']]],
    ['other expenses have no cap', abroad, [expense('other', '99999.00')], [[]]],
    ['an expense without a travel kind has no cap', national, [expense(null, '5000.00')], [[]]],
    [
      'a draft does not count toward the day, a submitted one does',
      national,
      [
        expense('food', '500.00', '2026-03-10', 'draft'),
        expense('food', '500.00', '2026-03-10', 'submitted'),
      ],
      [[], []],
    ],
    [
      'a rejected meal does not count',
      national,
      [expense('food', '500.00', '2026-03-10', 'rejected'), expense('food', '500.00')],
      [[], []],
    ],
    [
      'an expense dated outside the trip',
      national,
      [expense('food', '100.00', '2026-03-13'), expense(null, '100.00', '2026-03-09', 'draft')],
      [['VIATICOS_OUTSIDE_TRIP'], ['VIATICOS_OUTSIDE_TRIP']],
    ],
    ['the last day of the trip is inside it', national, [expense('food', '100.00', '2026-03-12')], [[]]],
  ])('%s', (_name, trip, expenses, expected) => {
    expect(codes(trip, expenses)).toEqual(expected);
  });

  it('finds nothing when the advance has no trip', () => {
    expect(codes(null, [expense('food', '5000.00', '2020-01-01')])).toEqual([[]]);
  });

  it('says in Spanish the day, the sum, the limit, the excess and the law', () => {
    const meal = expense('food', '900.00');
    const [finding] = viaticosFindings(national, [meal], LIMITS).get(meal.id) ?? [];
    expect(finding).toMatchObject({ severity: 'warning', category: 'viaticos' });
    expect(finding?.message).toBe(
      'Los gastos de alimentos del 2026-03-10 suman $900.00: el límite deducible de viáticos es $750.00 por día en México (LISR art. 28, fr. V). El excedente de $150.00 no es deducible.',
    );
  });

  it('uses the configured limits', () => {
    const meal = expense('food', '900.00');
    const found = viaticosFindings(national, [meal], { ...LIMITS, foodNationalPerDay: '1000.00' });
    expect(found.get(meal.id)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalDenomination, countedCash, normalizeCounts } from './denominations.js';

describe('MXN denominations', () => {
  it.each([
    ['bill', '1000', '1000.00'],
    ['bill', '20.00', '20.00'],
    ['coin', '20', '20.00'],
    ['coin', '0.5', '0.50'],
    ['coin', ' 10.0 ', '10.00'],
  ] as const)('knows the %s of %s as %s', (kind, denomination, canonical) => {
    expect(canonicalDenomination(kind, denomination)).toBe(canonical);
  });

  it.each([
    ['coin', '0.25'],
    ['coin', '1000'],
    ['bill', '10'],
    ['bill', '-20'],
    ['bill', '1e3'],
    ['coin', '0.505'],
    ['coin', ''],
  ] as const)('refuses a %s of "%s"', (kind, denomination) => {
    expect(canonicalDenomination(kind, denomination)).toBeNull();
  });

  it('adds the pieces exactly, centavo coins included', () => {
    const total = countedCash([
      { kind: 'bill', denomination: '1000.00', quantity: 3 },
      { kind: 'coin', denomination: '0.50', quantity: 7 },
      { kind: 'coin', denomination: '2.00', quantity: 0 },
    ]);
    expect(total.toFixed(2)).toBe('3003.50');
    const tenths = Array.from({ length: 10 }, () => ({
      kind: 'coin' as const,
      denomination: '0.5',
      quantity: 1,
    }));
    expect(countedCash(tenths).toFixed(2)).toBe('5.00');
  });

  it('keeps the record bills first, then coins, largest first, in canonical form', () => {
    expect(
      normalizeCounts([
        { kind: 'coin', denomination: '0.5', quantity: 1 },
        { kind: 'coin', denomination: '20', quantity: 2 },
        { kind: 'bill', denomination: '20', quantity: 3 },
        { kind: 'bill', denomination: '500', quantity: 4 },
      ]),
    ).toEqual([
      { kind: 'bill', denomination: '500.00', quantity: 4 },
      { kind: 'bill', denomination: '20.00', quantity: 3 },
      { kind: 'coin', denomination: '20.00', quantity: 2 },
      { kind: 'coin', denomination: '0.50', quantity: 1 },
    ]);
  });
});

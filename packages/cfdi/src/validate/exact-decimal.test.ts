import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from './amounts.js';
import {
  compare,
  type Exact,
  halfUnitOf,
  minus,
  parseExact,
  plus,
  times,
  toFixed,
  toPlaces,
  ZERO,
} from './exact-decimal.js';

/** Decimal texts as CFDIs write them, and absurd ones: long enough to need 48-digit rounding. */
const digits = (max: number) =>
  fc.oneof(
    fc.stringMatching(new RegExp(`^\\d{1,${Math.min(max, 6)}}$`)),
    fc.stringMatching(new RegExp(`^\\d{1,${max}}$`)),
    fc.constantFrom('0', '5', '9', '99999999999999999999999999', '100000000000000000000000000000'),
  );
const decimalText = fc
  .record({
    negative: fc.boolean(),
    integer: digits(40),
    fraction: fc.option(digits(30), { nil: undefined }),
  })
  .map(
    ({ negative, integer, fraction }) => `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`,
  );

const asText = (value: Exact) => toFixed(value, value.scale);
const exact = (text: string) => parseExact(text) as Exact;

describe('exact decimals give what decimal.js gives with 48 significant digits', () => {
  it('parses only what toDecimal parses', () => {
    for (const text of ['1', '-0', '0.50', '1160.000000', '007.10'])
      expect(new D(asText(exact(text))).equals(new D(text))).toBe(true);
    for (const text of ['', '.5', '1.', '+1', '1e3', '1,0', ' 1', undefined])
      expect(parseExact(text), String(text)).toBeNull();
  });

  it('adds, subtracts, multiplies and compares like D', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, y] = [new D(a), new D(b)];
        expect(new D(asText(plus(exact(a), exact(b)))).equals(x.plus(y))).toBe(true);
        expect(new D(asText(minus(exact(a), exact(b)))).equals(x.minus(y))).toBe(true);
        expect(new D(asText(times(exact(a), exact(b)))).equals(x.times(y))).toBe(true);
        expect(compare(exact(a), exact(b))).toBe(x.comparedTo(y));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('rounds to decimal places and formats like D', () => {
    fc.assert(
      fc.property(decimalText, fc.nat(8), (a, places) => {
        const x = new D(a);
        const value = exact(a);
        expect(asText(toPlaces(value, places, 'down'))).toBe(
          x.toDecimalPlaces(places, D.ROUND_DOWN).toFixed(Math.min(places, value.scale)),
        );
        expect(
          new D(asText(toPlaces(value, places, 'up'))).equals(x.toDecimalPlaces(places, D.ROUND_UP)),
        ).toBe(true);
        expect(
          new D(asText(toPlaces(value, places, 'halfUp'))).equals(x.toDecimalPlaces(places, D.ROUND_HALF_UP)),
        ).toBe(true);
        expect(toFixed(value, places)).toBe(x.toFixed(places));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('sums and builds half units like D', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 6 }), (texts) => {
        const expected = texts.reduce((total, text) => total.plus(new D(text)), new D(0));
        const total = texts.reduce((sum, text) => plus(sum, exact(text)), ZERO);
        expect(toFixed(total, 30)).toBe(expected.toFixed(30));
      }),
      { numRuns: 1000, seed: 20261129 },
    );
    for (const decimals of [0, 2, 6, 40])
      expect(asText(halfUnitOf(decimals))).toBe(
        new D(10)
          .pow(-decimals)
          .div(2)
          .toFixed(decimals + 1),
      );
  });
});

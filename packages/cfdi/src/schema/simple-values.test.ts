import { describe, expect, it } from 'vitest';
import { findValueProblem } from './check-value.js';
import type { SimpleTypeRule } from './rule-types.js';
import { compareDecimals, isLexicallyValid, normalizeWhiteSpace, parseDecimal } from './simple-values.js';

// Expectations here were checked one by one with xmllint (libxml2 2.9.14), through validate.sh or a
// one-attribute schema per built-in type.
describe('XSD built-in values as libxml2 reads them', () => {
  it('collapse whitespace before anything else is checked', () => {
    expect(normalizeWhiteSpace('  EKU9003173C9 \n', 'collapse')).toBe('EKU9003173C9');
    expect(normalizeWhiteSpace('A\t B', 'replace')).toBe('A  B');
    expect(normalizeWhiteSpace(' 1.0', 'preserve')).toBe(' 1.0');
  });

  it('accept decimals with a sign, a bare leading or trailing dot, and leading zeros', () => {
    for (const value of [
      '1',
      '+1',
      '-0',
      '.5',
      '+.5',
      '1.',
      '0.',
      '0001.000000000',
      '123456789012345678901234',
    ])
      expect(parseDecimal(value), value).not.toBeNull();
  });

  it('refuse decimals with commas, exponents, no digits or more than 24 significant digits', () => {
    for (const value of [
      '1,160.00',
      '1e2',
      '.',
      '+',
      '',
      '1 2',
      '1234567890123456789012345',
      '1.000000000000000000000000000',
      '123456789012345678901234.',
    ])
      expect(parseDecimal(value), value).toBeNull();
  });

  it('ignore trailing fraction zeros when counting fraction digits', () => {
    const quantity: SimpleTypeRule = {
      base: 'decimal',
      whiteSpace: 'collapse',
      fractionDigits: 6,
      bounds: [['minInclusive', '0.000001']],
    };
    expect(findValueProblem(quantity, '1.1234560')).toBeNull();
    expect(findValueProblem(quantity, '1.1234567')).toBe('digits');
    expect(findValueProblem(quantity, '0.0000010')).toBeNull();
    expect(findValueProblem(quantity, '-0')).toBe('range');
  });

  it('compare decimals by value', () => {
    const value = (text: string) => parseDecimal(text) as NonNullable<ReturnType<typeof parseDecimal>>;
    expect(compareDecimals(value('0.000001'), value('0.0000010'))).toBe(0);
    expect(compareDecimals(value('-5'), value('0'))).toBeLessThan(0);
    expect(compareDecimals(value('10'), value('9.99'))).toBeGreaterThan(0);
    expect(compareDecimals(value('-10'), value('-9.99'))).toBeLessThan(0);
  });

  it('read base64 the lenient libxml2 way: stray characters skipped, whole quanta required', () => {
    for (const value of ['QUJD', 'QQ==', 'QUJD!', 'QU JD', ''])
      expect(isLexicallyValid('base64Binary', value), value).toBe(true);
    for (const value of ['QUJ', 'QU=D', 'Q===', '===='])
      expect(isLexicallyValid('base64Binary', value), value).toBe(false);
  });

  it('check integers, their ranges and at most 24 digits', () => {
    expect(isLexicallyValid('integer', '+007')).toBe(true);
    expect(isLexicallyValid('integer', '1.0')).toBe(false);
    expect(isLexicallyValid('integer', '1234567890123456789012345')).toBe(false);
    expect(isLexicallyValid('short', '32768')).toBe(false);
    expect(isLexicallyValid('int', '-2147483648')).toBe(true);
  });

  it('check real calendar days in dates (29 February only in leap years)', () => {
    expect(isLexicallyValid('dateTime', '2024-02-29T10:15:00')).toBe(true);
    expect(isLexicallyValid('dateTime', '2023-02-29T10:15:00')).toBe(false);
    expect(isLexicallyValid('dateTime', '2023-04-31T10:15:00')).toBe(false);
    expect(isLexicallyValid('dateTime', '2023-04-30T24:00:00')).toBe(true);
    expect(isLexicallyValid('dateTime', '2023-04-30T24:00:01')).toBe(false);
    expect(isLexicallyValid('dateTime', '2023-04-30T23:59:60')).toBe(false);
    expect(isLexicallyValid('dateTime', '2023-04-30T10:15:00.5-06:00')).toBe(true);
    expect(isLexicallyValid('date', '2023-04-30Z')).toBe(true);
    expect(isLexicallyValid('date', '0000-01-01')).toBe(false);
    expect(isLexicallyValid('date', '02023-04-30')).toBe(false);
    expect(isLexicallyValid('date', '12023-04-30')).toBe(true);
    expect(isLexicallyValid('date', '2023-04-30+14:00')).toBe(true);
    expect(isLexicallyValid('date', '2023-04-30+14:01')).toBe(false);
  });
});

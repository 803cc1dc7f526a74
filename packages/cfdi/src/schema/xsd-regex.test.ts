import { describe, expect, it } from 'vitest';
import { compileXsdPattern, translateXsdPattern } from './xsd-regex.js';

const matches = (pattern: string, value: string) => compileXsdPattern(pattern).test(value);

describe('XSD patterns in JavaScript', () => {
  it('match the whole value, as XSD patterns are implicitly anchored', () => {
    expect(matches('[0-9]{5}', '12345')).toBe(true);
    expect(matches('[0-9]{5}', '123456')).toBe(false);
    expect(matches('OR|DE', 'ORX')).toBe(false);
    expect(matches('OR|DE', 'DE')).toBe(true);
  });

  it('treat ^ and $ outside a class as ordinary characters', () => {
    expect(matches('a^b$', 'a^b$')).toBe(true);
    expect(matches('a^b$', 'ab')).toBe(false);
  });

  it("read SAT's RFC class [A-Z&Ñ] with Ñ and & as letters and nothing else", () => {
    const rfc = '[A-Z&Ñ]{3,4}[0-9]{2}(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])[A-Z0-9]{2}[0-9A]';
    expect(matches(rfc, 'EKU9003173C9')).toBe(true);
    expect(matches(rfc, 'ÑÑÑ9003173C9')).toBe(true);
    expect(matches(rfc, 'H&E951128469')).toBe(true);
    expect(matches(rfc, 'eKU9003173C9')).toBe(false);
    expect(matches(rfc, 'EKU9013173C9')).toBe(false);
  });

  it('let . match anything but line breaks (t_Importe says . where it means a dot)', () => {
    expect(matches('[0-9]{1,18}(.[0-9]{1,6})?', '10x50')).toBe(true);
    expect(matches('[0-9]{1,18}(.[0-9]{1,6})?', '10\n50')).toBe(false);
  });

  it('read \\s as space, tab, CR, LF and a final - in a class as a literal dash', () => {
    expect(matches('[^(?!.*\\s)-]{5,7}', 'AB12C')).toBe(true);
    expect(matches('[^(?!.*\\s)-]{5,7}', 'AB-2C')).toBe(false);
    expect(matches('[^(?!.*\\s)-]{5,7}', 'AB 2C')).toBe(false);
    expect(matches('[^(?!.*\\s)-]{5,7}', 'AB\u00a02C')).toBe(true);
  });

  it('read \\d as the decimal digits libxml2 knows (Unicode 4.0), not every current one', () => {
    expect(matches('\\d\\d', '12')).toBe(true);
    expect(matches('\\d\\d', '٣७')).toBe(true);
    expect(matches('\\d\\d', '1᪇')).toBe(false);
  });

  it('count code points, not UTF-16 units', () => {
    expect(matches('[^|]{1,2}', '😀😀')).toBe(true);
  });

  it('keep escaped metacharacters and the empty branch of ([A-Z]|-|){5,10}', () => {
    expect(matches('\\{[a-z]\\}', '{a}')).toBe(true);
    expect(matches('([A-Z]|[0-9]|-|){5,10}', 'AB-12')).toBe(true);
    expect(matches('([A-Z]|[0-9]|-|){5,10}', 'ab-12')).toBe(false);
  });

  it('refuse what it does not translate instead of guessing', () => {
    expect(() => translateXsdPattern('[a-z-[aeiou]]')).toThrow(/subtraction/);
    expect(() => translateXsdPattern('\\p{IsBasicLatin}')).toThrow(/category/);
    expect(() => translateXsdPattern('(ab')).toThrow(/unclosed/);
  });
});

/**
 * Lexical checks of the XSD built-in types, as libxml2 (xmllint, the oracle) implements them where it
 * differs from the spec: a decimal or integer may have at most 24 significant digits (trailing
 * fraction zeros count), and fractionDigits/totalDigits ignore trailing fraction zeros.
 */
import type { BuiltInType } from './rule-types.js';

/** A decimal as libxml2 keeps it: no leading integer zeros, no trailing fraction zeros. */
export interface DecimalValue {
  negative: boolean;
  integer: string;
  fraction: string;
}

const MAX_DECIMAL_DIGITS = 24;

/** Applies an XSD whiteSpace facet (XML Schema Part 2, §4.3.6). */
export function normalizeWhiteSpace(value: string, whiteSpace: 'preserve' | 'replace' | 'collapse'): string {
  if (whiteSpace === 'preserve') return value;
  // Most values need nothing: one regex scan says so (faster here than a loop over the characters).
  if (whiteSpace === 'collapse' ? !mayCollapse(value) : !MAY_REPLACE.test(value)) return value;
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return whiteSpace === 'replace' ? replaced : replaced.replace(/ {2,}/g, ' ').trim();
}

const MAY_REPLACE = /[\t\n\r]/;
const MAY_COLLAPSE_INSIDE = /[\t\n\r]| {2}/;

/**
 * Whether collapsing could change the value: a tab or line end, two spaces, or at either end
 * anything String#trim might remove (U+0021 to U+009F never are whitespace to it).
 */
function mayCollapse(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first <= 0x20 || first >= 0xa0 || last <= 0x20 || last >= 0xa0) return true;
  return MAY_COLLAPSE_INSIDE.test(value);
}

/** Parses an xs:decimal (already collapsed) the way libxml2 does; null when it is not one. */
export function parseDecimal(text: string): DecimalValue | null {
  // By hand rather than with a regex: this runs for every amount of every document.
  // Shape: sign? zeros* digits* ('.' digits*)?, with some digit somewhere (a bare zero counts).
  const length = text.length;
  let index = 0;
  const sign = text.charCodeAt(0);
  if (sign === PLUS || sign === MINUS) index = 1;
  const zerosStart = index;
  while (index < length && text.charCodeAt(index) === ZERO) index++;
  const integerStart = index;
  while (index < length && isAsciiDigit(text.charCodeAt(index))) index++;
  const integerEnd = index;
  let fractionStart = index;
  let hasDot = false;
  if (index < length && text.charCodeAt(index) === DOT) {
    hasDot = true;
    fractionStart = ++index;
    while (index < length && isAsciiDigit(text.charCodeAt(index))) index++;
  }
  if (index !== length) return null;
  const integerDigits = integerEnd - integerStart;
  const digits = integerDigits + (index - fractionStart);
  if (integerStart === zerosStart && digits === 0) return null;
  if (digits > MAX_DECIMAL_DIGITS || (hasDot && integerDigits >= MAX_DECIMAL_DIGITS)) return null;
  let fractionEnd = index;
  while (fractionEnd > fractionStart && text.charCodeAt(fractionEnd - 1) === ZERO) fractionEnd--;
  return {
    negative: sign === MINUS,
    integer: text.slice(integerStart, integerEnd),
    fraction: text.slice(fractionStart, fractionEnd),
  };
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const isAsciiDigit = (code: number) => code >= ZERO && code <= 0x39;

/** Parses an xs:integer and its derived types: digits only, at most 24 significant ones. */
export function parseInteger(text: string): DecimalValue | null {
  const match = /^([+-]?)0*(\d*)$/.exec(text);
  if (!match || !/\d/.test(text) || (match[2] ?? '').length > MAX_DECIMAL_DIGITS) return null;
  return { negative: match[1] === '-', integer: match[2] ?? '', fraction: '' };
}

const isZero = (value: DecimalValue) => value.integer === '' && value.fraction === '';

/** Compares two decimals by value: negative, zero or positive like a sort comparator. */
export function compareDecimals(left: DecimalValue, right: DecimalValue): number {
  const leftSign = isZero(left) ? 0 : left.negative ? -1 : 1;
  const rightSign = isZero(right) ? 0 : right.negative ? -1 : 1;
  if (leftSign !== rightSign) return leftSign - rightSign;
  const magnitude =
    left.integer.length !== right.integer.length
      ? left.integer.length - right.integer.length
      : compareDigits(left.integer, right.integer) ||
        compareDigits(
          left.fraction.padEnd(right.fraction.length, '0'),
          right.fraction.padEnd(left.fraction.length, '0'),
        );
  return leftSign < 0 ? -magnitude : magnitude;
}

function compareDigits(left: string, right: string): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

const INTEGER_RANGES: Partial<Record<BuiltInType, [DecimalValue, DecimalValue]>> = Object.fromEntries(
  Object.entries({
    long: ['-9223372036854775808', '9223372036854775807'],
    int: ['-2147483648', '2147483647'],
    short: ['-32768', '32767'],
    byte: ['-128', '127'],
  }).map(([type, bounds]) => [type, bounds.map((bound) => parseInteger(bound) as DecimalValue)]),
);

/** Whether a collapsed value is in the lexical (and value) space of an integer built-in. */
function isIntegerOf(type: BuiltInType, text: string): boolean {
  const value = parseInteger(text);
  if (!value) return false;
  if (type === 'nonNegativeInteger') return !value.negative || isZero(value);
  if (type === 'positiveInteger') return !value.negative && !isZero(value);
  const range = INTEGER_RANGES[type];
  if (!range) return true;
  const [low, high] = range;
  return compareDecimals(value, low) >= 0 && compareDecimals(value, high) <= 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const ZONE = '(Z|[+-](\\d\\d):(\\d\\d))?';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)';
const DATE_SHAPE = new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)${ZONE}$`);
const DATE_TIME_SHAPE = new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)T${TIME}${ZONE}$`);
const TIME_SHAPE = new RegExp(`^${TIME}${ZONE}$`);
const YEAR_SHAPE = new RegExp(`^${YEAR}${ZONE}$`);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isValidDay(year: string, month: string, day: string): boolean {
  const yearNumber = Number(year);
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (yearNumber === 0 || monthNumber < 1 || monthNumber > 12 || dayNumber < 1) return false;
  const days = monthNumber === 2 && isLeapYear(yearNumber) ? 29 : (DAYS_IN_MONTH[monthNumber - 1] as number);
  return dayNumber <= days;
}

/** libxml2 also takes 24:00:00 (end of day, with any zero fraction), as XSD 1.0 errata allow. */
function isValidTime(hour: string, minute: string, second: string): boolean {
  if (hour === '24') return minute === '00' && Number(second) === 0;
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) < 60;
}

/** libxml2 accepts zones from -14:00 to +14:00 with minutes below 60. */
function isValidZone(
  zone: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
): boolean {
  if (!zone || zone === 'Z') return true;
  const minutes = Number(hour) * 60 + Number(minute);
  return Number(minute) <= 59 && Number(hour) <= 23 && minutes <= 840;
}

/** Whether a collapsed value is a date, dateTime, time or gYear the way XSD (and libxml2) read them. */
function isTemporalOf(type: BuiltInType, text: string): boolean {
  if (type === 'date') {
    const m = DATE_SHAPE.exec(text);
    return !!m && isValidDay(m[1] as string, m[2] as string, m[3] as string) && isValidZone(m[4], m[5], m[6]);
  }
  if (type === 'dateTime') {
    const m = DATE_TIME_SHAPE.exec(text);
    return (
      !!m &&
      isValidDay(m[1] as string, m[2] as string, m[3] as string) &&
      isValidTime(m[4] as string, m[5] as string, m[6] as string) &&
      isValidZone(m[7], m[8], m[9])
    );
  }
  if (type === 'time') {
    const m = TIME_SHAPE.exec(text);
    return (
      !!m && isValidTime(m[1] as string, m[2] as string, m[3] as string) && isValidZone(m[4], m[5], m[6])
    );
  }
  const m = YEAR_SHAPE.exec(text);
  return !!m && Number(m[1]) !== 0 && isValidZone(m[2], m[3], m[4]);
}

/** libxml2 skips characters outside the base64 alphabet; what is left must be whole quanta. */
function isBase64(text: string): boolean {
  const letters = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const match = /^([A-Za-z0-9+/]*)(=*)$/.exec(letters);
  if (!match) return false;
  const [, data = '', padding = ''] = match;
  return (
    padding.length <= 2 && (data.length + padding.length) % 4 === 0 && (padding === '' || data.length > 0)
  );
}

const NAME_CHARACTERS = /^[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Lm}._:\u00B7\u0387\u203F\u2040-]+$/u;

/** Whether a whitespace-normalized value belongs to the lexical space of a built-in type. */
export function isLexicallyValid(type: BuiltInType, text: string): boolean {
  switch (type) {
    case 'anySimpleType':
    case 'string':
    case 'normalizedString':
    case 'token':
      return true;
    case 'NMTOKEN':
      return NAME_CHARACTERS.test(text);
    case 'decimal':
      return parseDecimal(text) !== null;
    case 'boolean':
      return /^(true|false|1|0)$/.test(text);
    case 'base64Binary':
      return isBase64(text);
    case 'date':
    case 'dateTime':
    case 'time':
    case 'gYear':
      return isTemporalOf(type, text);
    default:
      return isIntegerOf(type, text);
  }
}

const NUMERIC_TYPES: ReadonlySet<BuiltInType> = new Set<BuiltInType>([
  'decimal',
  'integer',
  'long',
  'int',
  'short',
  'byte',
  'nonNegativeInteger',
  'positiveInteger',
]);

/** Whether a type's values are numbers (facets compare them by value, not as text). */
export function isNumericType(type: BuiltInType): boolean {
  return NUMERIC_TYPES.has(type);
}

/** Character length the way XSD counts it: code points, not UTF-16 units (a lone surrogate is one). */
export function countCharacters(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/**
 * Decimal arithmetic for the arithmetic checks on BigInt: a value is an integer count of 10^-scale
 * units, so nothing goes through a JS number. It gives exactly what amounts.ts' `D` (decimal.js with
 * 48 significant digits, ROUND_HALF_UP) gives, several times faster: sums, differences and
 * products are exact and then rounded to 48 significant digits like decimal.js rounds every
 * result (only absurdly long amounts ever need it). exact-decimal.test.ts compares both.
 * decimal.js' negative zero is not kept: no comparison sees it and toFixed never prints it.
 */

export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

/** decimal.js' precision in `D`: significant digits kept by every operation. */
const PRECISION = 48;
const POWERS: bigint[] = [1n];

/** 10^exponent, cached: scales are small and repeat. */
function power(exponent: number): bigint {
  let value = POWERS[exponent];
  if (value === undefined) {
    value = 10n ** BigInt(exponent);
    POWERS[exponent] = value;
  }
  return value;
}

const LIMIT = power(PRECISION);

/** amounts.ts' toDecimal shape: optional minus, digits, optional point with digits. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** The value of a decimal attribute, or null when it is missing or malformed (as toDecimal). */
export function parseExact(value: string | undefined): Exact | null {
  if (value === undefined || !DECIMAL_TEXT.test(value)) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return { units: BigInt(value), scale: 0 };
  return { units: BigInt(value.slice(0, dot) + value.slice(dot + 1)), scale: value.length - dot - 1 };
}

export const ZERO: Exact = { units: 0n, scale: 0 };
export const ONE: Exact = { units: 1n, scale: 0 };

/** Half of the last unit of a value written with these decimals: 5 × 10^-(decimals + 1). */
export function halfUnitOf(decimals: number): Exact {
  return { units: 5n, scale: decimals + 1 };
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** `units` divided by 10^drop, the magnitude rounded up, down or half up (ties away from zero). */
function divideRounded(units: bigint, drop: number, mode: 'down' | 'up' | 'halfUp'): bigint {
  const unit = power(drop);
  const magnitude = abs(units);
  let quotient = magnitude / unit;
  const remainder = magnitude % unit;
  if (mode === 'up' ? remainder > 0n : mode === 'halfUp' && remainder * 2n >= unit) quotient += 1n;
  return units < 0n ? -quotient : quotient;
}

/** Rounds to 48 significant digits (ROUND_HALF_UP), as decimal.js rounds each result in `D`. */
function toPrecision(units: bigint, scale: number): Exact {
  if (abs(units) < LIMIT) return { units, scale };
  const drop = abs(units).toString().length - PRECISION;
  return { units: divideRounded(units, drop, 'halfUp') * power(drop), scale };
}

function align(value: Exact, scale: number): bigint {
  return value.scale === scale ? value.units : value.units * power(scale - value.scale);
}

export function plus(left: Exact, right: Exact): Exact {
  const scale = Math.max(left.scale, right.scale);
  return toPrecision(align(left, scale) + align(right, scale), scale);
}

export function minus(left: Exact, right: Exact): Exact {
  const scale = Math.max(left.scale, right.scale);
  return toPrecision(align(left, scale) - align(right, scale), scale);
}

export function times(left: Exact, right: Exact): Exact {
  return toPrecision(left.units * right.units, left.scale + right.scale);
}

/** Negative, zero or positive, like a sort comparator. */
export function compare(left: Exact, right: Exact): number {
  const scale = Math.max(left.scale, right.scale);
  const difference = align(left, scale) - align(right, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** decimal.js' toDecimalPlaces with ROUND_DOWN (towards zero), ROUND_UP (away) or ROUND_HALF_UP. */
export function toPlaces(value: Exact, places: number, mode: 'down' | 'up' | 'halfUp'): Exact {
  if (value.scale <= places) return value;
  return { units: divideRounded(value.units, value.scale - places, mode), scale: places };
}

/** decimal.js' toFixed (ROUND_HALF_UP): a negative value keeps its sign even when it rounds to zero. */
export function toFixed(value: Exact, places: number): string {
  const rounded = toPlaces(value, places, 'halfUp');
  const digits = abs(align(rounded, places)).toString();
  const sign = value.units < 0n ? '-' : '';
  if (places === 0) return sign + digits;
  const padded = digits.padStart(places + 1, '0');
  return `${sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

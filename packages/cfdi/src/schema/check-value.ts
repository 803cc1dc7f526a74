/**
 * Checks one attribute value or text content against a generated simple type: whitespace facet,
 * the built-in type's lexical space, then every facet of the derivation chain.
 */
import type { SimpleTypeRule } from './rule-types.js';
import {
  compareDecimals,
  countCharacters,
  type DecimalValue,
  isLexicallyValid,
  isNumericType,
  normalizeWhiteSpace,
  parseDecimal,
} from './simple-values.js';
import { compileXsdPattern } from './xsd-regex.js';

/** Which kind of constraint a value breaks; each maps to a finding code. */
export type ValueProblem = 'datatype' | 'range' | 'digits' | 'length' | 'enumeration' | 'pattern';

const enumerationSets = new WeakMap<string[], Set<string>>();

function getEnumerationSet(values: string[]): Set<string> {
  let set = enumerationSets.get(values);
  if (!set) {
    set = new Set(values);
    enumerationSets.set(values, set);
  }
  return set;
}

function isInEnumeration(values: string[], value: string, decimal: DecimalValue | null): boolean {
  if (!decimal) return getEnumerationSet(values).has(value);
  return values.some((candidate) => {
    const parsed = parseDecimal(candidate);
    return parsed !== null && compareDecimals(parsed, decimal) === 0;
  });
}

/**
 * Bounds of date types are only used by SAT with patterns that fix the form to
 * YYYY-MM-DDThh:mm:ss without zone, so comparing the text orders them correctly.
 */
function compareToBound(value: string, decimal: DecimalValue | null, bound: string): number {
  if (decimal) return compareDecimals(decimal, parseDecimal(bound) as DecimalValue);
  return value < bound ? -1 : value > bound ? 1 : 0;
}

function isWithinBounds(rule: SimpleTypeRule, value: string, decimal: DecimalValue | null): boolean {
  for (const [facet, bound] of rule.bounds ?? []) {
    const order = compareToBound(value, decimal, bound);
    if (facet === 'minInclusive' && order < 0) return false;
    if (facet === 'maxInclusive' && order > 0) return false;
    if (facet === 'minExclusive' && order <= 0) return false;
    if (facet === 'maxExclusive' && order >= 0) return false;
  }
  return true;
}

function hasValidLength(rule: SimpleTypeRule, value: string): boolean {
  if (rule.length === undefined && rule.minLength === undefined && rule.maxLength === undefined) return true;
  const length = countCharacters(value);
  if (rule.length !== undefined && length !== rule.length) return false;
  if (rule.minLength !== undefined && length < rule.minLength) return false;
  return rule.maxLength === undefined || length <= rule.maxLength;
}

function hasValidDigits(rule: SimpleTypeRule, decimal: DecimalValue | null): boolean {
  if (!decimal) return true;
  if (rule.fractionDigits !== undefined && decimal.fraction.length > rule.fractionDigits) return false;
  // libxml2 counts every digit kept after trimming: leading fraction zeros included.
  return (
    rule.totalDigits === undefined || decimal.integer.length + decimal.fraction.length <= rule.totalDigits
  );
}

/** The whitespace-normalized value: what facets, fixed values and messages see. */
export function normalizeValue(rule: SimpleTypeRule, raw: string): string {
  return normalizeWhiteSpace(raw, rule.whiteSpace);
}

/** The first constraint the value breaks (most specific first), or null when it is valid. */
export function findValueProblem(rule: SimpleTypeRule, raw: string): ValueProblem | null {
  const value = normalizeValue(rule, raw);
  if (!isLexicallyValid(rule.base, value)) return 'datatype';
  const decimal = isNumericType(rule.base) ? parseDecimal(value) : null;
  if (!isWithinBounds(rule, value, decimal)) return 'range';
  if (!hasValidDigits(rule, decimal)) return 'digits';
  if (!decimal && rule.base !== 'base64Binary' && !hasValidLength(rule, value)) return 'length';
  for (const values of rule.enumerations ?? [])
    if (!isInEnumeration(values, value, decimal)) return 'enumeration';
  for (const group of rule.patterns ?? []) {
    if (!group.some((pattern) => compileXsdPattern(pattern).test(value))) return 'pattern';
  }
  return null;
}

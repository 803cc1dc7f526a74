/**
 * Checks one attribute value or text content against a generated simple type: whitespace facet,
 * the built-in type's lexical space, then every facet of the derivation chain.
 */
import type { BoundFacet, BuiltInType, SimpleTypeRule } from './rule-types.js';
import { SIMPLE_TYPES } from './rules.generated.js';
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

/**
 * A simple type ready to check values, built once per rule: bounds and enumerations parsed,
 * patterns compiled, and every facet in the same places (-1 when absent). The generated rules
 * come in dozens of object shapes, which makes reading them slow where they all pass.
 */
export interface PreparedType {
  /** A string type without facets: every value is valid, so not even whitespace is normalized. */
  acceptsAll: boolean;
  base: BuiltInType;
  whiteSpace: SimpleTypeRule['whiteSpace'];
  numeric: boolean;
  length: number;
  minLength: number;
  maxLength: number;
  fractionDigits: number;
  totalDigits: number;
  bounds: { facet: BoundFacet; text: string; decimal: DecimalValue | null }[];
  /** Per derivation step: the allowed texts, and for numeric types the allowed values. */
  textEnumerations: Set<string>[];
  decimalEnumerations: DecimalValue[][];
  patterns: RegExp[][];
}

// Built-in types whose lexical space is every string (see isLexicallyValid).
const STRING_TYPES: ReadonlySet<string> = new Set(['anySimpleType', 'string', 'normalizedString', 'token']);

function prepare(rule: SimpleTypeRule): PreparedType {
  const numeric = isNumericType(rule.base);
  const enumerations = rule.enumerations ?? [];
  const bounds = (rule.bounds ?? []).map(([facet, text]) => ({ facet, text, decimal: parseDecimal(text) }));
  const patterns = (rule.patterns ?? []).map((group) => group.map(compileXsdPattern));
  const hasLengthFacet =
    rule.length !== undefined || rule.minLength !== undefined || rule.maxLength !== undefined;
  return {
    acceptsAll:
      STRING_TYPES.has(rule.base) &&
      !hasLengthFacet &&
      bounds.length === 0 &&
      enumerations.length === 0 &&
      patterns.length === 0,
    base: rule.base,
    whiteSpace: rule.whiteSpace,
    numeric,
    length: rule.length ?? -1,
    minLength: rule.minLength ?? -1,
    maxLength: rule.maxLength ?? -1,
    fractionDigits: rule.fractionDigits ?? -1,
    totalDigits: rule.totalDigits ?? -1,
    bounds,
    textEnumerations: enumerations.map((values) => new Set(values)),
    // A candidate that is not a decimal can never equal a value: it is left out.
    decimalEnumerations: numeric
      ? enumerations.map((values) =>
          values.map(parseDecimal).filter((value): value is DecimalValue => value !== null),
        )
      : [],
    patterns,
  };
}

const preparedRules = new WeakMap<SimpleTypeRule, PreparedType>();
const preparedIndexes: PreparedType[] = [];

/** SIMPLE_TYPES[index], prepared (kept for the process: the table is fixed). */
export function getPreparedType(index: number): PreparedType {
  let type = preparedIndexes[index];
  if (!type) {
    type = prepareRule(SIMPLE_TYPES[index] as SimpleTypeRule);
    preparedIndexes[index] = type;
  }
  return type;
}

function prepareRule(rule: SimpleTypeRule): PreparedType {
  let type = preparedRules.get(rule);
  if (!type) {
    type = prepare(rule);
    preparedRules.set(rule, type);
  }
  return type;
}

/**
 * Bounds of date types are only used by SAT with patterns that fix the form to
 * YYYY-MM-DDThh:mm:ss without zone, so comparing the text orders them correctly.
 */
function isWithinBounds(type: PreparedType, value: string, decimal: DecimalValue | null): boolean {
  for (const bound of type.bounds) {
    const order = decimal
      ? compareDecimals(decimal, bound.decimal as DecimalValue)
      : value < bound.text
        ? -1
        : value > bound.text
          ? 1
          : 0;
    if (bound.facet === 'minInclusive' && order < 0) return false;
    if (bound.facet === 'maxInclusive' && order > 0) return false;
    if (bound.facet === 'minExclusive' && order <= 0) return false;
    if (bound.facet === 'maxExclusive' && order >= 0) return false;
  }
  return true;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function hasValidLength(type: PreparedType, value: string): boolean {
  if (type.length < 0 && type.minLength < 0 && type.maxLength < 0) return true;
  // Code points differ from UTF-16 units only where there are surrogates, which are rare.
  const length = SURROGATE.test(value) ? countCharacters(value) : value.length;
  if (type.length >= 0 && length !== type.length) return false;
  if (type.minLength >= 0 && length < type.minLength) return false;
  return type.maxLength < 0 || length <= type.maxLength;
}

function hasValidDigits(type: PreparedType, decimal: DecimalValue | null): boolean {
  if (!decimal) return true;
  if (type.fractionDigits >= 0 && decimal.fraction.length > type.fractionDigits) return false;
  // libxml2 counts every digit kept after trimming: leading fraction zeros included.
  return type.totalDigits < 0 || decimal.integer.length + decimal.fraction.length <= type.totalDigits;
}

function isInEnumerations(type: PreparedType, value: string, decimal: DecimalValue | null): boolean {
  if (!decimal) {
    for (const values of type.textEnumerations) if (!values.has(value)) return false;
    return true;
  }
  for (const values of type.decimalEnumerations)
    if (!values.some((candidate) => compareDecimals(candidate, decimal) === 0)) return false;
  return true;
}

function matchesPatterns(type: PreparedType, value: string): boolean {
  for (const group of type.patterns) if (!group.some((pattern) => pattern.test(value))) return false;
  return true;
}

/** The whitespace-normalized value: what facets, fixed values and messages see. */
export function normalizeValue(rule: SimpleTypeRule, raw: string): string {
  return normalizeWhiteSpace(raw, rule.whiteSpace);
}

/** The first constraint the value breaks (most specific first), or null when it is valid. */
export function findValueProblem(rule: SimpleTypeRule, raw: string): ValueProblem | null {
  return findPreparedValueProblem(prepareRule(rule), raw);
}

/** findValueProblem with the type already prepared (see getPreparedType). */
export function findPreparedValueProblem(type: PreparedType, raw: string): ValueProblem | null {
  // Sello and Certificado (most of a CFDI's bytes) are such strings.
  if (type.acceptsAll) return null;
  const value = normalizeWhiteSpace(raw, type.whiteSpace);
  const base = type.base;
  // xs:decimal's lexical check is its parse: done once.
  const decimal = base === 'decimal' ? parseDecimal(value) : null;
  if (base === 'decimal' ? decimal === null : !isLexicallyValid(base, value)) return 'datatype';
  const number = base === 'decimal' ? decimal : type.numeric ? parseDecimal(value) : null;
  if (!isWithinBounds(type, value, number)) return 'range';
  if (!hasValidDigits(type, number)) return 'digits';
  if (!number && base !== 'base64Binary' && !hasValidLength(type, value)) return 'length';
  if (!isInEnumerations(type, value, number)) return 'enumeration';
  if (!matchesPatterns(type, value)) return 'pattern';
  return null;
}

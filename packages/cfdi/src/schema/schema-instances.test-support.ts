// Test support (not shipped): random, mostly valid instances of any element the rule table
// declares (a complement, a whole cfdi:Comprobante), built from the table itself. Whether each is
// valid is for validate.sh to say; the point is to reach every XSD compiled, not only the fixtures'.
import fc from 'fast-check';
import type { XmlElement } from '../xml/read-xml.js';
import type { Particle, SimpleTypeRule } from './rule-types.js';
import { COMPLEX_TYPES, ELEMENTS, SIMPLE_TYPES } from './rules.generated.js';
import { translateXsdPattern } from './xsd-regex.js';

const XML_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const MAX_REPEATS = 2;

function getLocalName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Decimals within the type's bounds, fraction digits and total digits. */
function createDecimalArbitrary(type: SimpleTypeRule, integer: boolean): fc.Arbitrary<string> {
  const fraction = integer ? 0 : Math.min(type.fractionDigits ?? 2, 6);
  const unit = 10 ** fraction;
  let low = 0;
  let high = Math.min(
    type.base === 'short' ? 32_767 : 99_999,
    10 ** Math.max(0, (type.totalDigits ?? 12) - fraction) - 1,
  );
  for (const [facet, bound] of type.bounds ?? []) {
    if (facet.startsWith('min')) low = Math.max(low, Number(bound));
    else high = Math.min(high, Number(bound));
  }
  return fc
    .integer({ min: Math.ceil(low * unit), max: Math.max(Math.ceil(low * unit), Math.floor(high * unit)) })
    .map((value) => (fraction === 0 ? String(value) : (value / unit).toFixed(fraction)));
}

function createDateArbitrary(withTime: boolean): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date('2017-01-01T00:00:00Z'),
      max: new Date('2030-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((date) => (withTime ? date.toISOString().slice(0, 19) : date.toISOString().slice(0, 10)));
}

/** Strings matching the pattern, within the type's length facets and legal in XML. */
function createPatternArbitrary(type: SimpleTypeRule, pattern: string): fc.Arbitrary<string> {
  const length = (value: string) => [...value].length;
  return fc
    .stringMatching(new RegExp(translateXsdPattern(pattern), 'u'))
    .filter((value) => XML_TEXT.test(value) && value.trim() === value)
    .filter((value) => length(value) >= (type.length ?? type.minLength ?? 0))
    .filter((value) => length(value) <= (type.length ?? type.maxLength ?? Number.POSITIVE_INFINITY));
}

/** Values the type probably accepts: an enumeration key, a string matching its pattern, a number. */
export function createValueArbitrary(type: SimpleTypeRule): fc.Arbitrary<string> {
  const values = type.enumerations?.at(-1);
  if (values) return fc.constantFrom(...values);
  const pattern = type.patterns?.at(-1)?.[0];
  const matching = pattern ? createPatternArbitrary(type, pattern) : null;
  const integer = ['integer', 'int', 'short', 'long', 'byte', 'positiveInteger', 'nonNegativeInteger'];
  if (type.base === 'decimal' || integer.includes(type.base)) {
    const number = createDecimalArbitrary(type, type.base !== 'decimal' || type.fractionDigits === 0);
    return matching ? fc.oneof({ arbitrary: number, weight: 4 }, { arbitrary: matching, weight: 1 }) : number;
  }
  if (matching) return matching;
  if (type.base === 'date') return createDateArbitrary(false);
  if (type.base === 'dateTime') return createDateArbitrary(true);
  if (type.base === 'base64Binary') return fc.constant('QUJD');
  const min = Math.max(type.length ?? type.minLength ?? 1, 1);
  const max = Math.min(type.length ?? type.maxLength ?? 20, min + 20);
  return fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJ0123456789'), minLength: min, maxLength: max });
}

type Child = XmlElement;

/** What fills an xs:any: Leyendas Fiscales, a complement whose namespace validate.sh knows by default. */
function createWildcardArbitrary(depth: number): fc.Arbitrary<Child[]> {
  const leyendas = ELEMENTS.findIndex((element) => element.name === 'leyendasFisc:LeyendasFiscales');
  return createElementArbitrary(leyendas, depth + 1).map((element) => [element]);
}

/** The children a particle produces: a sequence in order, one branch of a choice, repeats, … */
function createParticleArbitrary(particle: Particle, depth: number): fc.Arbitrary<Child[]> {
  const min = particle.min ?? 1;
  const max = particle.max === -1 ? min + MAX_REPEATS : Math.min(particle.max ?? 1, min + MAX_REPEATS);
  const once = createParticleOnceArbitrary(particle, depth);
  return fc.array(once, { minLength: min, maxLength: Math.max(min, max) }).map((runs) => runs.flat());
}

function createParticleOnceArbitrary(particle: Particle, depth: number): fc.Arbitrary<Child[]> {
  if ('element' in particle)
    return createElementArbitrary(particle.element, depth + 1).map((element) => [element]);
  if ('any' in particle) return createWildcardArbitrary(depth);
  if ('seq' in particle)
    return fc
      .tuple(...particle.seq.map((item) => createParticleArbitrary(item, depth)))
      .map((parts) => parts.flat());
  if ('choice' in particle)
    return fc.oneof(...particle.choice.map((item) => createParticleArbitrary(item, depth)));
  return fc
    .tuple(...particle.all.map((item) => createParticleArbitrary(item, depth)))
    .chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }))
    .map((parts) => parts.flat());
}

/** An instance of ELEMENTS[index]; wildcards get a Leyendas Fiscales complement. */
export function createElementArbitrary(index: number, depth = 0): fc.Arbitrary<XmlElement> {
  const rule = ELEMENTS[index];
  if (!rule) throw new Error(`no element ${index}`);
  const base = { name: rule.name, localName: getLocalName(rule.name), namespace: rule.namespace };
  if (rule.complex === undefined) {
    return createValueArbitrary(SIMPLE_TYPES[rule.simple ?? -1] as SimpleTypeRule).map((text) => ({
      ...base,
      attributes: [],
      children: [],
      text,
    }));
  }
  const type = COMPLEX_TYPES[rule.complex];
  if (!type) throw new Error(`no complex type ${rule.complex}`);
  const attributes = fc.tuple(
    ...type.attributes.map((attribute) => {
      const value =
        attribute.fixed !== undefined
          ? fc.constant(attribute.fixed)
          : createValueArbitrary(SIMPLE_TYPES[attribute.type] as SimpleTypeRule);
      const entry = value.map((text): [string, string] => [attribute.name, text]);
      return attribute.required
        ? entry.map((pair) => [pair])
        : fc.option(entry, { nil: undefined }).map((pair) => (pair ? [pair] : []));
    }),
  );
  const children =
    type.content && depth < 12 ? createParticleArbitrary(type.content, depth) : fc.constant([] as Child[]);
  const text =
    type.simple !== undefined
      ? createValueArbitrary(SIMPLE_TYPES[type.simple] as SimpleTypeRule)
      : fc.constant('');
  return fc.tuple(attributes, children, text).map(([pairs, kids, content]) => ({
    ...base,
    attributes: pairs.flat(),
    children: kids,
    text: content,
  }));
}

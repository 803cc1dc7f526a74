/**
 * Spanish descriptions of what a simple type accepts, for messages a person can act on
 * ("debe ser un número con punto decimal, sin comas (hasta 6 decimales)"). SAT's recurring
 * patterns (RFC, CURP, UUID, dates, `[^|]{1,n}`) get plain words; any other pattern is quoted.
 */
import type { SimpleTypeRule } from './rule-types.js';

const MAX_LISTED_KEYS = 12;

/** Descriptions of SAT's recurring patterns, tried in order against the pattern text. */
const PATTERN_DESCRIPTIONS: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /^\[A-Z(&Ñ|,Ñ,&)\]\{3\}/,
    () =>
      'un RFC de persona moral: 3 letras (A-Z, Ñ, &), la fecha AAMMDD y 3 caracteres de homoclave, en mayúsculas',
  ],
  [
    /(^|\|)\[A-Z(&Ñ|,Ñ,&|Ñ&)\]\{3(,4)?\}/,
    () =>
      'un RFC: 3 o 4 letras (A-Z, Ñ, &), la fecha AAMMDD y 3 caracteres de homoclave, en mayúsculas y sin guiones',
  ],
  [/^\[A-Z\]\[A(EIOUX|,E,I,O,U,X)\]/, () => 'una CURP de 18 caracteres en mayúsculas'],
  [
    /^\(?\[a-f0-9A-F\]\{8\}/,
    () => 'un UUID de 36 caracteres: 8-4-4-4-12 dígitos hexadecimales separados por guiones',
  ],
  [
    /T\(\(\[01\]\[0-9\]\|2\[0-3\]\)/,
    () => 'una fecha y hora con la forma AAAA-MM-DDThh:mm:ss, sin zona horaria ni fracciones de segundo',
  ],
  [/^\(\(19\|20\)|^\(\[0-9\]\{4\}\)-|^\(\(000/, () => 'una fecha con la forma AAAA-MM-DD'],
  [/^\[\^\|\]\{(\d+),(\d+)\}$/, (m) => `un texto de ${m[1]} a ${m[2]} caracteres, sin el carácter "|"`],
  [/^\[0-9\]\{(\d+)\}$/, (m) => `exactamente ${m[1]} dígitos (0-9)`],
  [/^\[0-9\]\{(\d+),(\d+)\}$/, (m) => `de ${m[1]} a ${m[2]} dígitos (0-9)`],
  [
    /^\[1-9\]\[0-9\]\{0,(\d+)\}$/,
    (m) => `un número entero de 1 a ${Number(m[1]) + 1} dígitos, sin ceros a la izquierda`,
  ],
  [/^\[0-9a-zA-Z\]\{(\d+)(,(\d+))?\}$/, (m) => `de ${m[3] ? `${m[1]} a ${m[3]}` : m[1]} letras o dígitos`],
];

/** How a number-like pattern such as t_Importe's is already said by describeNumber. */
const NUMBER_PATTERN = /^(\[0-9\]|\(\(\[1-9\])/;

function describePattern(pattern: string): string | null {
  for (const [shape, describe] of PATTERN_DESCRIPTIONS) {
    const match = shape.exec(pattern);
    if (match) return describe(match);
  }
  return null;
}

function describeBounds(rule: SimpleTypeRule): string[] {
  return (rule.bounds ?? []).map(([facet, bound]) => {
    if (facet === 'minInclusive') return Number(bound) === 0 ? 'no negativo' : `mayor o igual a ${bound}`;
    if (facet === 'maxInclusive') return `menor o igual a ${bound}`;
    if (facet === 'minExclusive') return `mayor que ${bound}`;
    return `menor que ${bound}`;
  });
}

function describeNumber(rule: SimpleTypeRule): string {
  const integer = rule.base !== 'decimal' || rule.fractionDigits === 0;
  const parts = [integer ? 'un número entero, sin comas' : 'un número con punto decimal, sin comas'];
  const details: string[] = [];
  if (!integer && rule.fractionDigits !== undefined) details.push(`hasta ${rule.fractionDigits} decimales`);
  if (rule.totalDigits !== undefined) details.push(`hasta ${rule.totalDigits} dígitos en total`);
  if (details.length > 0) parts[0] += ` (${details.join(', ')})`;
  parts.push(...describeBounds(rule));
  return parts.join(', ');
}

const countCharactersInWords = (count: number) => `${count} ${count === 1 ? 'carácter' : 'caracteres'}`;

function describeLength(rule: SimpleTypeRule): string | null {
  if (rule.length !== undefined) return `de exactamente ${countCharactersInWords(rule.length)}`;
  if (rule.minLength !== undefined && rule.maxLength !== undefined)
    return `de ${rule.minLength} a ${countCharactersInWords(rule.maxLength)}`;
  if (rule.minLength !== undefined) return `de al menos ${countCharactersInWords(rule.minLength)}`;
  if (rule.maxLength !== undefined) return `de hasta ${countCharactersInWords(rule.maxLength)}`;
  return null;
}

function describeEnumeration(rule: SimpleTypeRule, values: string[]): string {
  const catalog = rule.name ? ` del catálogo ${rule.name.slice(rule.name.indexOf(':') + 1)}` : '';
  const listed = values.slice(0, MAX_LISTED_KEYS).map((value) => `"${value}"`);
  if (values.length === 1) return `exactamente ${listed[0]}`;
  const more = values.length > MAX_LISTED_KEYS ? `, … (${values.length} claves)` : '';
  return `una clave${catalog}: ${listed.join(', ')}${more}`;
}

const BASE_DESCRIPTIONS: Partial<Record<SimpleTypeRule['base'], string>> = {
  date: 'una fecha con la forma AAAA-MM-DD',
  dateTime: 'una fecha y hora con la forma AAAA-MM-DDThh:mm:ss',
  time: 'una hora con la forma hh:mm:ss',
  gYear: 'un año de 4 dígitos',
  boolean: '"true" o "false"',
  base64Binary: 'texto en base64',
  NMTOKEN: 'una palabra sin espacios',
};

/** What the type accepts, in Spanish, completing "debe ser …". */
export function describeType(rule: SimpleTypeRule): string {
  const values = rule.enumerations?.at(-1);
  if (values) return describeEnumeration(rule, values);
  const patterns = rule.patterns?.flat() ?? [];
  const numeric = [
    'decimal',
    'integer',
    'long',
    'int',
    'short',
    'byte',
    'nonNegativeInteger',
    'positiveInteger',
  ];
  if (numeric.includes(rule.base)) {
    const named = patterns.map(describePattern).find(Boolean);
    if (named) return named;
    const other = patterns.filter((pattern) => !NUMBER_PATTERN.test(pattern));
    return `${describeNumber(rule)}${other.length > 0 ? ` que cumpla el patrón ${other.join(' o ')}` : ''}`;
  }
  const described = patterns.map(describePattern);
  if (described.length > 0 && described.every(Boolean)) return [...new Set(described)].join(' o ');
  const base = BASE_DESCRIPTIONS[rule.base] ?? 'un texto';
  const length = describeLength(rule);
  const pattern = patterns.length > 0 ? `que cumpla el patrón ${patterns.join(' o ')}` : null;
  return [base, length, pattern].filter(Boolean).join(' ');
}

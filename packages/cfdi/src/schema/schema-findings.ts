/**
 * The findings checkSchema reports, with Spanish messages that name the element or attribute, the
 * value found and what SAT's schema expects. Every one is an `error` (the oracle rejects the
 * document) except SCHEMA_NOT_VALIDATED, which says a part could not be checked here.
 */
import type { Finding } from '../findings.js';
import type { ValueProblem } from './check-value.js';
import { describeType } from './describe-type.js';
import type { SimpleTypeRule } from './rule-types.js';

const SHOWN_VALUE_LENGTH = 80;

const VALUE_CODES: Readonly<Record<ValueProblem, string>> = {
  datatype: 'SCHEMA_DATATYPE',
  range: 'SCHEMA_RANGE',
  digits: 'SCHEMA_DIGITS',
  length: 'SCHEMA_LENGTH',
  enumeration: 'SCHEMA_ENUMERATION',
  pattern: 'SCHEMA_PATTERN',
};

function buildSchemaError(code: string, message: string, path: string): Finding {
  return { code, severity: 'error', category: 'schema', message, path };
}

/** A value as shown in a message: quoted, long values cut (a Sello is hundreds of characters). */
export function quote(value: string): string {
  const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
  return `"${shown}"`;
}

/** A list of names for "se espera …": "A", "A o B", "A, B o C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} o ${names.at(-1)}`;
}

export function buildInvalidValueFinding(
  problem: ValueProblem,
  type: SimpleTypeRule,
  subject: string,
  value: string,
  path: string,
): Finding {
  return buildSchemaError(
    VALUE_CODES[problem],
    `${subject} tiene ${quote(value)}; debe ser ${describeType(type)}.`,
    path,
  );
}

export function buildFixedValueFinding(subject: string, value: string, fixed: string, path: string): Finding {
  return buildSchemaError(
    'SCHEMA_FIXED_VALUE',
    `${subject} tiene ${quote(value)}; debe ser exactamente "${fixed}".`,
    path,
  );
}

export function buildMissingAttributeFinding(
  attribute: string,
  element: string,
  type: SimpleTypeRule,
  path: string,
) {
  return buildSchemaError(
    'SCHEMA_MISSING_ATTRIBUTE',
    `Falta el atributo requerido ${attribute} en ${element}; debe ser ${describeType(type)}.`,
    path,
  );
}

export function buildUnknownAttributeFinding(
  attribute: string,
  element: string,
  suggestion: string | null,
  path: string,
) {
  const hint = suggestion
    ? ` ¿Quiso decir ${suggestion}? (se distinguen mayúsculas y minúsculas)`
    : ' Quítelo.';
  return buildSchemaError(
    'SCHEMA_UNKNOWN_ATTRIBUTE',
    `El atributo ${attribute} no está permitido en ${element} según el esquema del SAT.${hint}`,
    path,
  );
}

export function buildXsiAttributeFinding(attribute: string, element: string, path: string): Finding {
  return buildSchemaError(
    'SCHEMA_XSI_ATTRIBUTE',
    `${element} trae ${attribute}, que el esquema del SAT no admite en ese elemento; quítelo.`,
    path,
  );
}

export function buildTextFinding(element: string, text: string, mustBeEmpty: boolean, path: string): Finding {
  const message =
    mustBeEmpty && text.trim() === ''
      ? `${element} debe estar vacío: quite los espacios o saltos de línea entre su etiqueta de apertura y la de cierre.`
      : `${element} no debe contener texto (tiene ${quote(text.trim())}); sus datos van en atributos.`;
  return buildSchemaError('SCHEMA_TEXT_NOT_ALLOWED', message, path);
}

export function buildChildrenNotAllowedFinding(element: string, child: string, path: string): Finding {
  return buildSchemaError(
    'SCHEMA_UNEXPECTED_ELEMENT',
    `${element} no admite elementos hijos y trae ${child}.`,
    path,
  );
}

export function buildUnexpectedElementFinding(
  child: string,
  parent: string,
  expected: string[],
  path: string,
) {
  const tail = expected.length > 0 ? `; en esa posición se espera ${listNames(expected)}` : '';
  return buildSchemaError(
    'SCHEMA_UNEXPECTED_ELEMENT',
    `${child} no está permitido dentro de ${parent}${tail}.`,
    path,
  );
}

export function buildTooManyFinding(child: string, parent: string, max: number, path: string): Finding {
  return buildSchemaError(
    'SCHEMA_TOO_MANY',
    `${child} aparece más veces de las permitidas dentro de ${parent} (máximo ${max}).`,
    path,
  );
}

export function buildOrderFinding(child: string, parent: string, expected: string[], path: string): Finding {
  const tail = expected.length > 0 ? `: antes debe ir ${listNames(expected)}` : '';
  return buildSchemaError(
    'SCHEMA_ORDER',
    `${child} está fuera del orden que exige el esquema del SAT dentro de ${parent}${tail}.`,
    path,
  );
}

export function buildMissingElementFinding(
  expected: string[],
  parent: string,
  before: string | null,
  path: string,
) {
  const where = before ? ` (antes de ${before})` : '';
  return buildSchemaError(
    'SCHEMA_MISSING_ELEMENT',
    `Falta ${listNames(expected)} dentro de ${parent}${where}.`,
    path,
  );
}

export function buildUndeclaredElementFinding(
  child: string,
  namespace: string | null,
  parent: string,
  path: string,
) {
  const inNamespace = namespace ? `del espacio de nombres ${namespace}` : 'sin espacio de nombres';
  return buildSchemaError(
    'SCHEMA_UNDECLARED_ELEMENT',
    `${child} (${inNamespace}) dentro de ${parent} no corresponde a ningún esquema del SAT cargado; revise su espacio de nombres y su xsi:schemaLocation.`,
    path,
  );
}

export function buildUnknownRootFinding(root: string, namespace: string | null, path: string): Finding {
  return buildSchemaError(
    'SCHEMA_UNKNOWN_ROOT',
    `El elemento raíz ${root} (${namespace ?? 'sin espacio de nombres'}) no es un CFDI: se espera cfdi:Comprobante en http://www.sat.gob.mx/cfd/4 o http://www.sat.gob.mx/cfd/3.`,
    path,
  );
}

export function buildNotSchemaFinding(file: string): Finding {
  return buildSchemaError(
    'SCHEMA_LOCATION_INVALID',
    `xsi:schemaLocation apunta a http://www.sat.gob.mx/${file}, que no es un esquema XSD; el validador del SAT no puede validar el documento.`,
    '/',
  );
}

export function buildNotValidatedFinding(element: string, file: string, path: string): Finding {
  return {
    code: 'SCHEMA_NOT_VALIDATED',
    severity: 'warning',
    category: 'schema',
    message: `${element} no se validó contra su esquema (http://www.sat.gob.mx/${file}): esta biblioteca no incluye ese XSD del SAT.`,
    path,
  };
}

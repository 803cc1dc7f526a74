import { D } from '../validate/amounts.js';
import { refuse } from './errors.js';
import { isXmlText } from './xml.js';

// t_Importe and the Cantidad/TipoCambio types: up to 18 integer digits and 6 decimals, no sign.
const DECIMAL_TEXT = /^\d{1,18}(\.\d{1,6})?$/;
const ANY_DECIMAL = /^\d+(\.\d+)?$/;
const FECHA = /^(20[1-9]\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/**
 * Reads a decimal amount written as text. `label` is the Spanish name of the field ("El valor unitario
 * del concepto 2"); every refusal starts with it and the input path so the user knows what to fix.
 */
export function readAmount(
  value: unknown,
  field: string,
  label: string,
  maxDecimals: number,
  positive: boolean,
): string {
  if (typeof value === 'number')
    refuse(
      field,
      `${label} (${field}) debe ser un texto decimal como "1160.50", no un número de JavaScript.`,
    );
  if (typeof value !== 'string' || value === '')
    refuse(field, `${label} (${field}) es obligatorio: escribe un decimal como "1160.50".`);
  if (/^-/.test(value.trim())) refuse(field, `${label} (${field}) no puede ser negativo ("${value}").`);
  if (!ANY_DECIMAL.test(value))
    refuse(
      field,
      `${label} (${field}) no es un decimal válido ("${value}"): usa dígitos y punto, p. ej. "1160.50".`,
    );
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  if (decimals > maxDecimals)
    refuse(field, `${label} (${field}) admite a lo más ${maxDecimals} decimales ("${value}").`);
  if (!DECIMAL_TEXT.test(value))
    refuse(field, `${label} (${field}) admite a lo más 18 enteros ("${value}").`);
  if (positive && new D(value).isZero()) refuse(field, `${label} (${field}) debe ser mayor que cero.`);
  return value;
}

/**
 * Reads free text the way SAT's schema sees it: whitespace collapsed (xs:whiteSpace collapse), so the
 * written value is the one the cadena original signs. Refuses "|" (the cadena's separator) and characters
 * XML cannot carry.
 */
export function readText(value: unknown, field: string, label: string, maxLength: number): string {
  if (typeof value !== 'string') refuse(field, `${label} (${field}) es obligatorio.`);
  const text = value.replace(/[ \t\n\r]+/g, ' ').trim();
  if (text === '') refuse(field, `${label} (${field}) es obligatorio y no puede estar vacío.`);
  if (text.includes('|')) refuse(field, `${label} (${field}) no puede contener el carácter "|".`);
  if (!isXmlText(text))
    refuse(field, `${label} (${field}) contiene caracteres de control que un XML no admite.`);
  if ([...text].length > maxLength)
    refuse(field, `${label} (${field}) admite a lo más ${maxLength} caracteres.`);
  return text;
}

/** Like readText, for an optional field: undefined stays undefined. */
export function readOptionalText(
  value: unknown,
  field: string,
  label: string,
  maxLength: number,
): string | undefined {
  return value === undefined ? undefined : readText(value, field, label, maxLength);
}

/** Reads a key that must exist in a SAT catalog. */
export function readKey(
  value: unknown,
  field: string,
  label: string,
  catalog: string,
  exists: (key: string) => unknown,
): string {
  if (typeof value !== 'string' || value === '') refuse(field, `${label} (${field}) es obligatorio.`);
  if (!exists(value))
    refuse(field, `${label} (${field}) "${value}" no existe en el catálogo ${catalog} del SAT.`);
  return value;
}

/** Reads a value that must match a pattern (postal codes, ClaveProdServ, UUIDs). */
export function readPattern(
  value: unknown,
  field: string,
  label: string,
  pattern: RegExp,
  what: string,
): string {
  if (typeof value !== 'string' || !pattern.test(value))
    refuse(field, `${label} (${field}) debe ser ${what}${typeof value === 'string' ? ` ("${value}")` : ''}.`);
  return value;
}

/** Reads Fecha: local "YYYY-MM-DDTHH:mm:ss" with no zone (t_FechaH), and a day that exists. */
export function readFecha(value: unknown, field: string): string {
  const match = typeof value === 'string' ? FECHA.exec(value) : null;
  if (!match || typeof value !== 'string')
    refuse(
      field,
      `La fecha de emisión (${field}) debe tener la forma AAAA-MM-DDThh:mm:ss, hora local sin zona (p. ej. "2025-06-15T12:00:00").`,
    );
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1)
    refuse(field, `La fecha de emisión (${field}) no existe ("${value}").`);
  return value;
}

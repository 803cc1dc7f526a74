import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * Money in code: exact decimals (decimal.js), never JS numbers. Amounts of the ledger are MXN
 * rounded to centavos half-up; CFDI amounts keep their own decimals until they enter a fund.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30 });
export type Money = Decimal;
type MoneyValue = Decimal.Value;

export const money = (value: MoneyValue): Money => new Money(value);
export const ZERO = money(0);

/** MXN to the centavo, half-up, as a wire/database string ("1160.00"). */
export function toCentavos(value: MoneyValue): string {
  return money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function sumMoney(values: readonly MoneyValue[]): Money {
  return values.reduce<Money>((total, value) => total.plus(value), ZERO);
}

const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** A positive MXN amount on the wire: a decimal string with at most two decimals ("1500.00"). */
export const amountSchema = z
  .string()
  .trim()
  .regex(AMOUNT_PATTERN, 'Escribe un importe en pesos con hasta dos decimales, por ejemplo 1500.00.')
  // Only a well-formed amount reaches decimal.js; the pattern's message covers the rest.
  .refine(
    (value) => !AMOUNT_PATTERN.test(value) || money(value).greaterThan(0),
    'El importe debe ser mayor que cero.',
  );

/** Like amountSchema but zero is allowed (thresholds, discounts, taxes). */
export const nonNegativeAmountSchema = z
  .string()
  .trim()
  .regex(AMOUNT_PATTERN, 'Escribe un importe en pesos con hasta dos decimales, por ejemplo 0.00.');

/** A CFDI-precision amount (up to 6 decimals), zero allowed. */
export const cfdiAmountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,14}(\.\d{1,6})?$/, 'Escribe un importe con hasta seis decimales.');

const PESOS = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });

/** "$1,234.50" for messages; Intl formats the decimal string itself (no binary float on the way). */
export function formatPesos(amount: string): string {
  return PESOS.format(toCentavos(amount) as unknown as number);
}

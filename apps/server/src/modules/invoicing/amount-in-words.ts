import { Decimal } from 'decimal.js';
import { toCardinal } from 'n2words/es-MX';

// The total in words of a printed CFDI, in the form Mexican invoices use:
// "QUINIENTOS SETENTA Y OCHO PESOS 84/100 M.N.".

interface CurrencyWords {
  one: string;
  many: string;
  /** What follows the centavos: "M.N." (moneda nacional) for pesos, the ISO code otherwise. */
  suffix: string;
}

const CURRENCIES: Readonly<Record<string, CurrencyWords>> = {
  MXN: { one: 'PESO', many: 'PESOS', suffix: 'M.N.' },
  USD: { one: 'DÓLAR', many: 'DÓLARES', suffix: 'USD' },
  EUR: { one: 'EURO', many: 'EUROS', suffix: 'EUR' },
};

const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * n2words writes the number as said alone ("veintiuno", "veintiuno mil", "un millón"); before a
 * noun Spanish shortens "uno" ("veintiún mil", "treinta y un pesos") and puts "de" between
 * millón/millones and the noun that follows directly ("un millón de pesos").
 */
function beforeNoun(words: string): string {
  const shortened = words.replace(/veintiuno(?= |$)/g, 'veintiún').replace(/\buno(?= |$)/g, 'un');
  return /(millón|millones|billón|billones)$/.test(shortened) ? `${shortened} de` : shortened;
}

/**
 * The amount (a decimal string as written in the XML, never a float) in Spanish words, rounded to
 * cents half-up: "UN MILLÓN DE PESOS 00/100 M.N.", "MIL DÓLARES 50/100 USD". A currency without
 * words here is named by its code: "MIL 00/100 CAD".
 */
export function amountInWords(amount: string, currency = 'MXN'): string {
  if (!AMOUNT.test(amount)) throw new Error(`El importe "${amount}" no es un número decimal sin signo.`);
  const [units = '0', cents = '00'] = new Decimal(amount).toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  const words = beforeNoun(toCardinal(units)).toUpperCase();
  const names = CURRENCIES[currency];
  if (!names) return `${words} ${cents}/100 ${currency}`;
  return `${words} ${units === '1' ? names.one : names.many} ${cents}/100 ${names.suffix}`;
}

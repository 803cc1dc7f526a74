/** Pesos with up to two decimals, as typed ("1500", "1500.5", "1500.50"); the server checks the same. */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** Whole centavos of a typed amount, exactly (BigInt, never a float); null when it is not an amount. */
export function toCentavos(amount: string): bigint | null {
  const text = amount.trim();
  if (!AMOUNT_PATTERN.test(text)) return null;
  const [pesos = '0', cents = ''] = text.split('.');
  return BigInt(pesos) * 100n + BigInt(cents.padEnd(2, '0'));
}

/** Centavos back to a decimal string, e.g. 116000n → "1160.00". */
export function fromCentavos(centavos: bigint): string {
  const sign = centavos < 0n ? '-' : '';
  const abs = centavos < 0n ? -centavos : centavos;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** The sum of typed amounts, or null when any is not an amount. */
export function addAmounts(...amounts: string[]): string | null {
  let sum = 0n;
  for (const amount of amounts) {
    const centavos = toCentavos(amount);
    if (centavos === null) return null;
    sum += centavos;
  }
  return fromCentavos(sum);
}

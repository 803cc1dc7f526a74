/**
 * A CLABE (Mexico's 18-digit interbank account number) whose control digit is right: each of the
 * first 17 digits times 3, 7, 1, 3, 7, 1…, the products' last digits summed, and the control digit
 * is (10 − sum mod 10) mod 10 (Banco de México's rule). Catches a mistyped digit before money goes to
 * the wrong account.
 */
export function isValidClabe(clabe: string): boolean {
  if (!/^\d{18}$/.test(clabe)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(clabe[i]) * (weights[i % 3] as number)) % 10;
  return (10 - (sum % 10)) % 10 === Number(clabe[17]);
}

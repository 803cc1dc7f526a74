import { numeric } from 'drizzle-orm/pg-core';

/**
 * A money column: NUMERIC with 2 decimals, read and written as a string so no amount passes
 * through a float (platform/money.ts does the arithmetic). `digits` is the precision: 14 fits
 * a fund's amounts up to a trillion pesos, 12 a subscription's.
 */
export const moneyColumn = (name: string, digits: 12 | 14 | 16 = 14) =>
  numeric(name, { precision: digits, scale: 2 });

const compactFormats = new Map<string, Intl.NumberFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A decimal string as a number for a chart's geometry (bar lengths, axis ticks) only: every amount
 * shown as text is formatted from the server's exact string.
 */
export const chartNumber = (amount: string): number => Number(amount);

/** "$12.5 mil": axis ticks. */
export function compactMoney(value: number, locale: string): string {
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'MXN',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    compactFormats.set(locale, format);
  }
  return format.format(value);
}

/** "2026-11" → "nov 26". */
export function monthLabel(month: string, locale: string): string {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : format.format(date);
}

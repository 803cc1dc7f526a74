/** A date and time as a Mexican reader expects it, e.g. "3 dic 2025, 14:05". */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

type Decimal = `${number}`;
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Pesos as a Mexican reader expects them, e.g. "$1,500.00". The decimal string goes to Intl as is
 * (never through a JS number), so CFDI amounts keep their exact decimals: "$1,160.123456".
 */
export function formatMoney(amount: string, locale: string, options: { signed?: boolean } = {}): string {
  const key = `${locale}|${options.signed ? 'signed' : ''}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'MXN',
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
      signDisplay: options.signed ? 'exceptZero' : 'auto',
    });
    moneyFormats.set(key, format);
  }
  return /^-?\d+(\.\d+)?$/.test(amount) ? format.format(amount as Decimal) : amount;
}

/** A calendar date (AAAA-MM-DD) as e.g. "3 dic 2025", the same day whatever the browser's time zone. */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today in Mexico City as AAAA-MM-DD, the default date of a new expense. */
export function todayInMexico(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
}

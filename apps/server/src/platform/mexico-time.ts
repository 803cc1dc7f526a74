// Calendar dates as people in Mexico see them (fiscal years, month ends, "today"), whatever the
// server's time zone. CFDI dates carry no zone: they are Mexico's local time.
const ZONE = 'America/Mexico_City';
const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** YYYY-MM-DDTHH:mm:ss of an instant in Mexico City, no zone: how a CFDI writes Fecha and FechaTimbrado. */
export function mexicoCityDateTime(at: Date): string {
  return `${DATE.format(at)}T${TIME.format(at)}`;
}

/** YYYY-MM-DD of an instant in Mexico City. */
export function mexicoCityDate(at: Date): string {
  return DATE.format(at);
}

/** The calendar (and fiscal) year of an instant in Mexico City. */
export function mexicoCityYear(at: Date): number {
  return Number.parseInt(mexicoCityDate(at).slice(0, 4), 10);
}

export const MEXICO_TIME_ZONE = ZONE;

/** The calendar day `days` after a YYYY-MM-DD day (negative: before), across months and leap years. */
export function addCalendarDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

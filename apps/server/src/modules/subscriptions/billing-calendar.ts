import { TZDate } from '@date-fns/tz';
import { addMonths, format } from 'date-fns';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';

// Billing dates as BILLING.md defines them: calendar months in America/Mexico_City, each month of
// a term computed from the term's start (never from the previous month) with the day clamped to
// the month's last (Jan 31 → Feb 28 → Mar 31), as date-fns' addMonths does.

/** A calendar day, YYYY-MM-DD. */
export type CalendarDay = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Noon of a calendar day in Mexico City: month arithmetic on it never crosses a day boundary. */
function atNoon(day: CalendarDay): TZDate {
  if (!DAY.test(day)) throw new Error(`not a calendar day: ${day}`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, 12, 0, 0, MEXICO_TIME_ZONE);
}

const dayOf = (date: TZDate): CalendarDay => format(date, 'yyyy-MM-dd');

/** The day `months` calendar months after `day`, clamped to the target month's last day. */
export function addCalendarMonths(day: CalendarDay, months: number): CalendarDay {
  return dayOf(addMonths(atNoon(day), months));
}

/** The instant `months` calendar months after `at`, at the same wall-clock time in Mexico City. */
export function addMonthsInMexico(at: Date, months: number): Date {
  return new Date(addMonths(new TZDate(at.getTime(), MEXICO_TIME_ZONE), months).getTime());
}

/**
 * The month slices of a term that starts on `start`: s_k = start + k months, k = 0..count. A day
 * d with s_i ≤ d < s_{i+1} is in slice i.
 */
export function monthSlices(start: CalendarDay, count: number): CalendarDay[] {
  return Array.from({ length: count + 1 }, (_, k) => addCalendarMonths(start, k));
}

/** The index i of the slice [s_i, s_{i+1}) that holds `day`; −1 before the term, `count` after it. */
export function sliceIndexOf(slices: readonly CalendarDay[], day: CalendarDay): number {
  if (day < (slices[0] as CalendarDay)) return -1;
  for (let i = 0; i < slices.length - 1; i++) {
    if (day < (slices[i + 1] as CalendarDay)) return i;
  }
  return slices.length - 1;
}

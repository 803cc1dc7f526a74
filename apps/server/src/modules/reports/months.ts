import { addCalendarDays } from '../../platform/mexico-time.js';

export interface MonthTotal {
  month: string;
  total: string;
  count: number;
}

/** Beyond this many months a zero-filled series says nothing a chart could show. */
const MAX_FILLED_MONTHS = 600;

function nextMonth(month: string): string {
  const year = Number.parseInt(month.slice(0, 4), 10);
  const number = Number.parseInt(month.slice(5, 7), 10);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * Every month of the range (the filters' dates, else the first and last month with spending), in
 * order, the ones without spending as zero: a chart's time axis without silent gaps.
 */
export function monthsBetween(rows: readonly MonthTotal[], range: { from?: string; to?: string }) {
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  const first = range.from?.slice(0, 7) ?? sorted[0]?.month ?? range.to?.slice(0, 7);
  const last = range.to?.slice(0, 7) ?? sorted.at(-1)?.month ?? first;
  if (!first || !last) return sorted;
  const byMonth = new Map(sorted.map((row) => [row.month, row]));
  const filled: MonthTotal[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    if (filled.length >= MAX_FILLED_MONTHS) return sorted;
    filled.push(byMonth.get(month) ?? { month, total: '0.00', count: 0 });
  }
  return filled;
}

const firstOfNextMonth = (date: string) => `${nextMonth(date.slice(0, 7))}-01`;
const isLastDayOfMonth = (date: string) => addCalendarDays(firstOfNextMonth(date), -1) === date;

export interface DayRange {
  from: string;
  to: string;
}

/**
 * How a range of days (inclusive, either end open) splits for monthly sums: the whole months it
 * covers, as first days [from, until) (null = unbounded; null months = none), and the days at its
 * edges that cover only part of a month, which must be read day by day.
 */
export function splitByWholeMonths(range: { from?: string | undefined; to?: string | undefined }): {
  months: { from: string | null; until: string | null } | null;
  edges: DayRange[];
} {
  const from = range.from ? (range.from.endsWith('-01') ? range.from : firstOfNextMonth(range.from)) : null;
  const until = range.to
    ? isLastDayOfMonth(range.to)
      ? firstOfNextMonth(range.to)
      : `${range.to.slice(0, 7)}-01`
    : null;
  if (from !== null && until !== null && from >= until) {
    // Inside one month, or across a boundary without a whole month: every day is an edge.
    return { months: null, edges: range.from && range.to ? [{ from: range.from, to: range.to }] : [] };
  }
  const edges: DayRange[] = [];
  if (range.from && from !== null && range.from < from)
    edges.push({ from: range.from, to: addCalendarDays(from, -1) });
  if (range.to && until !== null && until <= range.to) edges.push({ from: until, to: range.to });
  return { months: { from, until }, edges };
}

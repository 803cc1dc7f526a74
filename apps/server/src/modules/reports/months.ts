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

import { useSearchParams } from 'react-router';
import type { ReportFilters } from '../../api/types';
import { todayInMexico } from '../../app/format';

/** Filters live in the address (`?desde=…&hasta=…`), so a report can be shared and reloaded. */
const PARAMS = {
  from: 'desde',
  to: 'hasta',
  fundId: 'caja',
  costCenterId: 'centro',
} as const satisfies Record<keyof ReportFilters, string>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

export type RangePreset = 'month' | 'year' | 'last12';

/** First day of the month `monthsBack` months before today's, in Mexico City. */
function monthStart(today: string, monthsBack: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 - monthsBack;
  const date = new Date(Date.UTC(year, month, 1));
  return date.toISOString().slice(0, 10);
}

/** The date range of a preset, ending today (Mexico City). */
export function presetRange(preset: RangePreset, today = todayInMexico()): { from: string; to: string } {
  if (preset === 'month') return { from: monthStart(today, 0), to: today };
  if (preset === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { from: monthStart(today, 11), to: today };
}

/** Which preset a range is, if any (to highlight it). */
export function presetOf(filters: ReportFilters): RangePreset | null {
  const presets: RangePreset[] = ['month', 'year', 'last12'];
  return (
    presets.find((preset) => {
      const range = presetRange(preset);
      return range.from === filters.from && range.to === filters.to;
    }) ?? null
  );
}

/** The report's filters from the address; without dates, the last twelve months. */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: keyof ReportFilters) => params.get(PARAMS[key]) ?? '';
  const defaults = presetRange('last12');
  const filters: ReportFilters = {
    from: DATE.test(get('from')) ? get('from') : defaults.from,
    to: DATE.test(get('to')) ? get('to') : defaults.to,
    ...(UUID.test(get('fundId')) ? { fundId: get('fundId') } : {}),
    ...(UUID.test(get('costCenterId')) ? { costCenterId: get('costCenterId') } : {}),
  };
  const setFilters = (changes: Partial<Record<keyof ReportFilters, string | null>>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes) as [keyof ReportFilters, string | null][]) {
          if (value) next.set(PARAMS[key], value);
          else next.delete(PARAMS[key]);
        }
        return next;
      },
      { replace: true },
    );
  };
  return { filters, setFilters };
}

import { money, formatPesos as pesos, sumMoney } from '../../platform/money.js';
import type { ExpenseStatus } from '../expenses/expense-status.js';
import type { StoredFinding } from '../expenses/expenses.schema.js';

/** Deductible viáticos per calendar day of a trip (LISR art. 28 fr. V), from configuration. */
export interface ViaticosLimits {
  foodNationalPerDay: string;
  foodAbroadPerDay: string;
  carRentalPerDay: string;
  lodgingAbroadPerDay: string;
}

export interface Trip {
  scope: 'national' | 'abroad';
  /** First and last day of the trip, YYYY-MM-DD. */
  start: string;
  end: string;
}

export interface TravelExpense {
  id: string;
  date: string;
  travelKind: 'food' | 'lodging' | 'car_rental' | 'other' | null;
  totalMxn: string;
  status: ExpenseStatus;
}

export const VIATICOS_CATEGORY = 'viaticos';
const LAW = 'LISR art. 28, fr. V';

/** Which limit applies to a kind of travel expense, by where the trip goes; null: no daily cap. */
const DAILY_LIMITS: Record<
  NonNullable<TravelExpense['travelKind']>,
  { label: string; limit: (trip: Trip, limits: ViaticosLimits) => string | null }
> = {
  food: {
    label: 'alimentos',
    limit: (trip, limits) =>
      trip.scope === 'national' ? limits.foodNationalPerDay : limits.foodAbroadPerDay,
  },
  lodging: {
    label: 'hospedaje',
    // Lodging in Mexico is deductible in full (with its CFDI); abroad it has a daily cap.
    limit: (trip, limits) => (trip.scope === 'abroad' ? limits.lodgingAbroadPerDay : null),
  },
  car_rental: { label: 'renta de automóvil', limit: (_trip, limits) => limits.carRentalPerDay },
  other: { label: 'otros', limit: () => null },
};

/** Expenses that count against the daily limits: sent for approval or approved. */
const COUNTED: readonly ExpenseStatus[] = ['submitted', 'approved', 'replenished'];
/** Expenses that are still part of the advance (a rejected or discarded one no longer is). */
const LIVE: readonly ExpenseStatus[] = ['draft', ...COUNTED];

const where = (trip: Trip) => (trip.scope === 'national' ? 'en México' : 'en el extranjero');

/**
 * The viáticos findings of an advance's expenses, by expense id (every id present, most with none):
 * per calendar day of the trip, the counted expenses of one kind over its deductible limit are
 * flagged; an expense dated outside the trip is flagged too. Without a trip, none.
 */
export function viaticosFindings(
  trip: Trip | null,
  expenses: readonly TravelExpense[],
  limits: ViaticosLimits,
): Map<string, StoredFinding[]> {
  const findings = new Map<string, StoredFinding[]>(expenses.map((expense) => [expense.id, []]));
  if (!trip) return findings;
  const add = (id: string, code: string, message: string) =>
    findings.get(id)?.push({ code, severity: 'warning', category: VIATICOS_CATEGORY, message });

  const days = new Map<string, TravelExpense[]>();
  for (const expense of expenses) {
    if (!LIVE.includes(expense.status)) continue;
    if (expense.date < trip.start || expense.date > trip.end) {
      add(
        expense.id,
        'VIATICOS_OUTSIDE_TRIP',
        `El gasto es del ${expense.date}, fuera del viaje (del ${trip.start} al ${trip.end}): como viático solo se deducen los gastos de los días del viaje (${LAW}). Revisa la fecha o regístralo como gasto ordinario.`,
      );
      continue;
    }
    if (!expense.travelKind || !COUNTED.includes(expense.status)) continue;
    const key = `${expense.date}|${expense.travelKind}`;
    days.set(key, [...(days.get(key) ?? []), expense]);
  }

  for (const [key, group] of days) {
    const [date, kind] = key.split('|') as [string, keyof typeof DAILY_LIMITS];
    const rule = DAILY_LIMITS[kind];
    const limit = rule.limit(trip, limits);
    if (limit === null) continue;
    const total = sumMoney(group.map((expense) => expense.totalMxn));
    if (!total.greaterThan(limit)) continue;
    const message = `Los gastos de ${rule.label} del ${date} suman ${pesos(total.toFixed(2))}: el límite deducible de viáticos es ${pesos(limit)} por día ${where(trip)} (${LAW}). El excedente de ${pesos(total.minus(money(limit)).toFixed(2))} no es deducible.`;
    for (const expense of group) add(expense.id, 'VIATICOS_DAILY_LIMIT', message);
  }
  return findings;
}

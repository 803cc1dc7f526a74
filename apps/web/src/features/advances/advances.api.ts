import { api, query } from '../../api/client';
import type { Amount, Expense, ExpenseStatus, Finding, Page } from '../../api/types';

export type AdvanceStatus = 'open' | 'settled' | 'canceled';
export type AdvanceMethod = 'fund_cash' | 'transfer';
export type TripScope = 'national' | 'abroad';
export type TravelKind = 'food' | 'lodging' | 'car_rental' | 'other';

export interface Trip {
  scope: TripScope;
  start: string;
  end: string;
}

/** An advance (gasto por comprobar): handed out in cash from a fund or by transfer, then settled. */
export interface Advance {
  id: string;
  folio: number;
  employee: { id: string; name: string };
  purpose: string;
  amount: Amount;
  method: AdvanceMethod;
  fund: { id: string; name: string } | null;
  transferReference: string | null;
  status: AdvanceStatus;
  dueDate: string;
  overdue: boolean;
  trip: Trip | null;
  handedOutBy: { id: string; name: string };
  handedOutAt: string;
  settlement: {
    expenses: Amount;
    /** Advance − expenses: positive the employee returned it, negative they were paid the excess. */
    difference: Amount;
    method: AdvanceMethod;
    reference: string | null;
    settledBy: { id: string; name: string } | null;
    settledAt: string;
  } | null;
}

export interface AdvanceExpense {
  id: string;
  date: string;
  concept: string;
  status: ExpenseStatus;
  totalMxn: Amount;
  travelKind: TravelKind | null;
  findings: Finding[];
}

/** GET /advances/{id}: the advance, its expenses, their totals and what settling now would do. */
export interface AdvanceDetail extends Advance {
  expenses: AdvanceExpense[];
  totals: {
    approved: Amount;
    pendingDecision: Amount;
    rejected: Amount;
    remaining: Amount;
    waiting: { draft: number; submitted: number };
  };
  preview: { expenses: Amount; toReturn: Amount; toPay: Amount };
}

export interface AdvanceInput {
  employeeId: string;
  purpose: string;
  amount: Amount;
  method: AdvanceMethod;
  fundId?: string;
  transferReference?: string;
  dueDate: string;
  trip?: Trip;
}

/** What a dialog about one advance is given by its page. */
export interface AdvanceModalProps {
  advance: AdvanceDetail;
  organizationId: string;
  opened: boolean;
  onClose: () => void;
}

export interface AdvanceExpenseInput {
  date: string;
  concept: string;
  subtotal: Amount;
  total: Amount;
  paymentMethod: 'employee';
  advanceId: string;
  travelKind?: TravelKind;
}

export interface ReimbursementInput {
  method: 'transfer' | 'fund_cash';
  fundId?: string;
  reference?: string;
}

const advancePath = (id: string) => `/advances/${encodeURIComponent(id)}`;

export const listAdvances = (status: AdvanceStatus | undefined, cursor?: string) =>
  api.get<Page<Advance>>(`/advances${query({ limit: 50, status, cursor })}`);

export const getAdvance = (id: string) => api.get<AdvanceDetail>(advancePath(id));

export const createAdvance = (input: AdvanceInput) => api.post<AdvanceDetail>('/advances', input);

export const settleAdvance = (id: string, reference?: string) =>
  api.post<AdvanceDetail>(`${advancePath(id)}/settle`, reference ? { reference } : {});

/** An expense the employee paid with the advance's money (a ticket; the CFDI is attached on its page). */
export const recordAdvanceExpense = (input: AdvanceExpenseInput) => api.post<Expense>('/expenses', input);

export const reimburseExpense = (id: string, input: ReimbursementInput) =>
  api.post<Expense>(`/expenses/${encodeURIComponent(id)}/reimburse`, input);

/** Query keys carry the organization; everything about advances starts with `advances`. */
export const advancesKeys = {
  all: ['advances'] as const,
  list: (organizationId: string, status: AdvanceStatus | undefined) =>
    ['advances', organizationId, 'list', status ?? 'all'] as const,
  detail: (organizationId: string, id: string) => ['advances', organizationId, 'detail', id] as const,
};

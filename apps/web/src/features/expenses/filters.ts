import { useSearchParams } from 'react-router';
import { EXPENSE_STATUSES, type ExpenseFilters } from '../../api/types';

/** Filters live in the address (`?caja=…&estado=…`): a filtered list can be shared and reloaded. */
const PARAMS = {
  fundId: 'caja',
  status: 'estado',
  categoryId: 'categoria',
  from: 'desde',
  to: 'hasta',
  findings: 'hallazgos',
  invoicePending: 'factura',
  awaitingMyApproval: 'por-aprobar',
} as const satisfies Record<keyof ExpenseFilters, string>;

const FINDINGS = ['none', 'warnings', 'errors'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

function read(params: URLSearchParams): ExpenseFilters {
  const get = (key: keyof ExpenseFilters) => params.get(PARAMS[key]) ?? '';
  const pick = <T extends string>(value: string, allowed: readonly T[]) =>
    (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const filters: ExpenseFilters = {
    fundId: UUID.test(get('fundId')) ? get('fundId') : undefined,
    status: pick(get('status'), EXPENSE_STATUSES),
    categoryId: UUID.test(get('categoryId')) ? get('categoryId') : undefined,
    from: DATE.test(get('from')) ? get('from') : undefined,
    to: DATE.test(get('to')) ? get('to') : undefined,
    findings: pick(get('findings'), FINDINGS),
    invoicePending: pick(get('invoicePending'), ['true', 'false'] as const),
    awaitingMyApproval: pick(get('awaitingMyApproval'), ['true'] as const),
  };
  // Undefined keys would make two equal filters two query keys.
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export function useExpenseFilters() {
  const [params, setParams] = useSearchParams();
  const filters = read(params);
  const setFilter = (key: keyof ExpenseFilters, value: string | null) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(PARAMS[key], value);
        else next.delete(PARAMS[key]);
        return next;
      },
      { replace: true },
    );
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, setFilter, clear, count: Object.keys(filters).length };
}

import type { Tx } from '../../platform/db/database.js';
import { mexicoCityYear } from '../../platform/mexico-time.js';
import { type Category, findCategory } from '../categories/index.js';
import { findOrganizationRfc } from '../organizations/index.js';
import { type ExpenseLimits, effectiveExpenseLimits } from '../policies/index.js';
import { type DeducibilityInput, deducibilityFindings, findingLevel } from './deducibility.js';
import type { ExpenseRow } from './expense-views.js';
import type { StoredFinding } from './expenses.schema.js';

/** Looks a supplier up in SAT's 69-B list (global reference data kept by the platform operator). */
export type Supplier69bLookup = (tx: Tx, rfc: string) => Promise<'presunto' | 'definitivo' | null>;

export interface FindingContext {
  /** The spending limits that apply (the category's, else the organization's). */
  policy: ExpenseLimits;
  /** The fiscal year the expense is booked in (when it was recorded, Mexico City time). */
  fiscalYear: number;
  organizationRfc: string | null;
  category: Pick<Category, 'name' | 'isFuel' | 'cfdiUses'> | null;
  supplier69b: 'presunto' | 'definitivo' | null;
}

type FindingFields = Pick<
  ExpenseRow,
  | 'paymentMethod'
  | 'totalMxn'
  | 'cfdiUuid'
  | 'cfdiPaymentForm'
  | 'cfdiUse'
  | 'cfdiReceiverRfc'
  | 'cfdiIssuedAt'
  | 'satStatus'
  | 'findings'
>;

/**
 * An expense's findings: the CFDI's own (kept from intake) plus the deducibility and policy rules
 * evaluated now. Recomputed whenever the expense or what it depends on changes.
 */
export function evaluateFindings(expense: FindingFields, context: FindingContext) {
  const input: DeducibilityInput = {
    paymentMethod: expense.paymentMethod,
    totalMxn: expense.totalMxn,
    hasCfdi: !!expense.cfdiUuid,
    fiscalYear: context.fiscalYear,
    category: context.category,
    cfdi: expense.cfdiUuid
      ? {
          paymentForm: expense.cfdiPaymentForm,
          use: expense.cfdiUse,
          receiverRfc: expense.cfdiReceiverRfc,
          issuedAt: expense.cfdiIssuedAt,
        }
      : null,
    organizationRfc: context.organizationRfc,
    satStatus: expense.satStatus,
    supplier69b: context.supplier69b,
    policy: context.policy,
  };
  const kept = expense.findings.filter((finding) => finding.category !== 'deducibility');
  const findings: StoredFinding[] = [...kept, ...deducibilityFindings(input)];
  return { findings, findingLevel: findingLevel(findings) };
}

/** Where the rules' context comes from; memoized within one transaction (an import batch). */
export interface FindingLoaders {
  organizationRfc(): Promise<string | null>;
  category(id: string): Promise<FindingContext['category']>;
  supplier69b(rfc: string): Promise<FindingContext['supplier69b']>;
  limits(categoryId: string | null): Promise<ExpenseLimits>;
}

/** Loaders that ask the database once per key for the life of this transaction. */
export function transactionFindingLoaders(
  tx: Tx,
  organizationId: string,
  lookup69b: Supplier69bLookup,
): FindingLoaders {
  let rfc: Promise<string | null> | undefined;
  const categories = new Map<string, Promise<FindingContext['category']>>();
  const suppliers = new Map<string, Promise<FindingContext['supplier69b']>>();
  const limits = new Map<string, Promise<ExpenseLimits>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    let value = cache.get(key);
    if (!value) {
      value = load();
      cache.set(key, value);
    }
    return value;
  };
  return {
    organizationRfc: () => {
      rfc ??= findOrganizationRfc(tx, organizationId);
      return rfc;
    },
    category: (id) => memo(categories, id, () => findCategory(tx, organizationId, id)),
    supplier69b: (supplierRfc) => memo(suppliers, supplierRfc, () => lookup69b(tx, supplierRfc)),
    limits: (categoryId) =>
      memo(limits, categoryId ?? '', () => effectiveExpenseLimits(tx, organizationId, categoryId)),
  };
}

/** Loads what the rules need (organization RFC, category, 69-B) and evaluates an expense's findings. */
export async function findingsFor(
  tx: Tx,
  organizationId: string,
  expense: FindingFields & {
    categoryId: string | null;
    supplierRfc: string | null;
    createdAt?: Date | undefined;
  },
  deps: { lookup69b: Supplier69bLookup; now: () => Date },
  loaders: FindingLoaders = transactionFindingLoaders(tx, organizationId, deps.lookup69b),
) {
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const organizationRfc = await loaders.organizationRfc();
  const category = expense.categoryId ? await loaders.category(expense.categoryId) : null;
  const supplier69b = expense.supplierRfc ? await loaders.supplier69b(expense.supplierRfc) : null;
  const policy = await loaders.limits(expense.categoryId);
  const fiscalYear = mexicoCityYear(expense.createdAt ?? deps.now());
  return evaluateFindings(expense, { fiscalYear, organizationRfc, category, supplier69b, policy });
}

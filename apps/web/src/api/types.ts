export const ROLES = [
  'owner',
  'admin',
  'approver',
  'custodian',
  'employee',
  'accountant',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may be granted by invitation or role editing: ownership only moves by transfer. */
export const ASSIGNABLE_ROLES = ROLES.filter((role) => role !== 'owner');

export interface Organization {
  id: string;
  name: string;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export interface Membership {
  organization: Organization;
  roles: Role[];
}

/** GET /me: the signed-in user and the organization the session acts in. */
export interface Me {
  user: UserSummary & { mfaEnabled: boolean };
  organization: Organization;
  /** The membership in the current organization: custodians and spenders are memberships. */
  membershipId: string;
  roles: Role[];
  memberships: Membership[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Member {
  id: string;
  user: UserSummary;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  roles: Role[];
  expiresAt: string;
  createdAt: string;
  invitedBy: { id: string; name: string } | null;
}

export interface InvitationLookup {
  organization: Organization;
  email: string;
  roles: Role[];
  existingUser: boolean;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** The organization's fiscal data as on its Constancia de Situación Fiscal (receptor of its CFDI). */
export interface FiscalDataInput {
  rfc: string;
  legalName: string;
  taxRegime: string;
  postalCode: string;
  cfdiUse: string;
  invoiceEmail: string;
}

export interface FiscalData extends FiscalDataInput {
  updatedAt: string;
}

/** PUT answers the saved data and what it accepted but the person should double-check. */
export interface SavedFiscalData extends FiscalData {
  warnings: { path: string; message: string }[];
}

/** SAT's c_RegimenFiscal entry. */
export interface RegimenFiscal {
  key: string;
  name: string;
  personaFisica: boolean;
  personaMoral: boolean;
}

/** SAT's c_UsoCFDI entry, with the receptor's regímenes it may be used with. */
export interface UsoCfdi extends RegimenFiscal {
  regimenesReceptor: string[];
}

export interface FiscalCatalog {
  regimenesFiscales: RegimenFiscal[];
  usosCfdi: UsoCfdi[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A decimal amount in pesos as the server sends it, e.g. "1500.00": never a JS number. */
export type Amount = string;

export type FundStatus = 'open' | 'closed';

/** A petty-cash fund: cash + pendingVouchers + openAdvances = authorizedAmount, always. */
export interface Fund {
  id: string;
  name: string;
  custodian: { id: string; name: string };
  costCenterId: string | null;
  currency: 'MXN';
  authorizedAmount: Amount;
  cash: Amount;
  pendingVouchers: Amount;
  openAdvances: Amount;
  replenishmentThreshold: Amount;
  needsReplenishment: boolean;
  status: FundStatus;
  createdAt: string;
  closedAt: string | null;
}

export type FundChangeKind = 'increase' | 'decrease' | 'close';
export type FundChangeStatus = 'pending' | 'approved' | 'rejected' | 'canceled';

/** A fund change above the organization's policy amount, waiting for (or decided by) a second manager. */
export interface FundChangeRequest {
  id: string;
  fundId: string;
  kind: FundChangeKind;
  amount: Amount;
  memo: string | null;
  status: FundChangeStatus;
  requestedBy: { id: string; name: string };
  requestedAt: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionReason: string | null;
  movementId: string | null;
}

/** What increase, decrease and close answer: the changed fund (200) or the request filed (202). */
export type FundChangeOutcome = Fund | FundChangeRequest;

export const isChangeRequest = (outcome: FundChangeOutcome): outcome is FundChangeRequest =>
  'kind' in outcome;

export interface FundInput {
  name: string;
  custodianId: string;
  authorizedAmount: Amount;
  replenishmentThreshold?: Amount;
}

export const MOVEMENT_KINDS = [
  'fund_opened',
  'fund_increased',
  'fund_decreased',
  'fund_closed',
  'expense_paid_from_fund',
  'expense_discarded',
  'rejected_amount_recovered',
  'employee_reimbursed_in_cash',
  'advance_paid_in_cash',
  'advance_settled',
  'cash_count_shortage',
  'cash_count_overage',
  'replenishment_paid',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** One entry of a fund's append-only ledger, with each balance after it. */
export interface FundMovement {
  id: string;
  sequence: number;
  kind: MovementKind;
  amount: Amount;
  cashDelta: Amount;
  pendingDelta: Amount;
  advancesDelta: Amount;
  authorizedDelta: Amount;
  cashAfter: Amount;
  pendingAfter: Amount;
  advancesAfter: Amount;
  authorizedAfter: Amount;
  sourceType: string | null;
  sourceId: string | null;
  memo: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export const EXPENSE_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'replenished',
  'discarded',
] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const PAYMENT_METHODS = ['fund_cash', 'employee', 'company_card', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type SatStatus = 'not_checked' | 'unverified' | 'vigente' | 'cancelado' | 'no_encontrado';

/** A CFDI check's result, with its plain-Spanish message from the server. */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ExpenseTaxes {
  ivaTransferred: Amount;
  iepsTransferred: Amount;
  isrWithheld: Amount;
  ivaWithheld: Amount;
  localTransferred: Amount;
  localWithheld: Amount;
}

export interface ExpenseCfdi {
  uuid: string;
  version: string | null;
  type: string | null;
  issuedAt: string | null;
  use: string | null;
  paymentForm: string | null;
  paymentMethod: string | null;
  receiverRfc: string | null;
}

export interface Expense {
  id: string;
  status: ExpenseStatus;
  paymentMethod: PaymentMethod;
  fundId: string | null;
  spender: { id: string; name: string };
  /** AAAA-MM-DD */
  date: string;
  concept: string;
  categoryId: string | null;
  costCenterId: string | null;
  supplier: { rfc: string | null; name: string | null };
  currency: string;
  exchangeRate: Amount | null;
  subtotal: Amount;
  discount: Amount;
  taxes: ExpenseTaxes;
  total: Amount;
  totalMxn: Amount;
  invoicePending: boolean;
  cfdi: ExpenseCfdi | null;
  sat: { status: SatStatus; checkedAt: string | null };
  findings: Finding[];
  toRecover: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  /** Approved on submission by an automatic approval rule (nobody decided it). */
  autoApproved: boolean;
  /** Spent against this advance (gasto por comprobar): settled with it, never reimbursed alone. */
  advanceId: string | null;
  travelKind: 'food' | 'lodging' | 'car_rental' | 'other' | null;
  /** How an expense the employee paid was paid back to them. */
  reimbursement: {
    method: 'transfer' | 'fund_cash';
    fundId: string | null;
    reference: string | null;
    reimbursedAt: string;
  } | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /expenses query: each filter maps to one query parameter. */
export interface ExpenseFilters {
  fundId?: string;
  status?: ExpenseStatus;
  categoryId?: string;
  from?: string;
  to?: string;
  findings?: 'none' | 'warnings' | 'errors';
  invoicePending?: 'true' | 'false';
  /** Only the expenses whose current approval level the person may decide (their inbox). */
  awaitingMyApproval?: 'true';
}

/** POST /expenses: an expense without CFDI (a ticket). */
export interface ExpenseInput {
  fundId?: string | null;
  date: string;
  concept: string;
  categoryId?: string | null;
  costCenterId?: string | null;
  supplier?: { rfc?: string | null; name?: string | null };
  subtotal: Amount;
  taxes?: { ivaTransferred?: Amount };
  total: Amount;
  paymentMethod: PaymentMethod;
}

/** PATCH /expenses/{id}: what a draft may still change. */
export interface ExpenseChanges {
  fundId?: string | null;
  categoryId?: string | null;
  costCenterId?: string | null;
  paymentMethod?: PaymentMethod;
}

export interface Category {
  id: string;
  code: string;
  name: string;
  satAccountCode: string;
  accountCode: string | null;
  cfdiUses: string[];
  isFuel: boolean;
  active: boolean;
}

export interface CostCenter {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** POST /categories; PATCH /categories/{id} takes any part of it (`active: false` deactivates). */
export interface CategoryInput {
  code: string;
  name: string;
  /** Código agrupador SAT (Anexo 24), e.g. "601.55". */
  satAccountCode: string;
  accountCode?: string | null;
  cfdiUses: string[];
  isFuel?: boolean;
  active?: boolean;
}

/** POST /cost-centers; PATCH /cost-centers/{id} takes any part of it. */
export interface CostCenterInput {
  code: string;
  name: string;
  active?: boolean;
}

/** Spending limits of the organization (`categoryId` null) or of one category, which overrides it. */
export interface ExpenseLimitsPolicy {
  id: string;
  kind: 'expense_limits';
  categoryId: string | null;
  maxPerExpense: Amount | null;
  cfdiRequiredAbove: Amount | null;
  updatedAt: string;
}

/** Fund increases, decreases and closes above this amount wait for a second manager. */
export interface FundChangesPolicy {
  id: string;
  kind: 'fund_changes';
  secondApprovalAbove: Amount;
  updatedAt: string;
}

/** GET /policies: every policy of the organization, told apart by `kind`. */
export type Policy = ExpenseLimitsPolicy | FundChangesPolicy;

/** POST /policies replaces the policy of that scope; `secondApprovalAbove: null` removes the rule (204). */
export type PolicyInput =
  | Omit<ExpenseLimitsPolicy, 'id' | 'updatedAt'>
  | { kind: 'fund_changes'; secondApprovalAbove: Amount | null };

/** POST /expenses/import: one result per CFDI received (a ZIP answers one per XML inside). */
export interface ImportResult {
  file: string;
  status: 'created' | 'duplicate' | 'rejected';
  expense?: Expense;
  existingExpenseId?: string;
  findings: Finding[];
}

/** Count and sum (decimal string) of a group of expenses. */
export interface CountAndTotal {
  count: number;
  total: Amount;
}

/** GET /reports/summary: current fund balances and the period's spending, summed by the server. */
export interface ReportSummary {
  funds: Pick<
    Fund,
    'id' | 'name' | 'authorizedAmount' | 'cash' | 'pendingVouchers' | 'openAdvances' | 'needsReplenishment'
  >[];
  spending: CountAndTotal;
  byCategory: (CountAndTotal & { categoryId: string | null; code: string | null; name: string | null })[];
  byCostCenter: (CountAndTotal & { costCenterId: string | null; code: string | null; name: string | null })[];
  byMonth: (CountAndTotal & { month: string })[];
  pendingApprovals: CountAndTotal;
  nonDeductibleAtRisk: CountAndTotal;
  awaitingCfdi: CountAndTotal;
}

export interface ReportFilters {
  from?: string;
  to?: string;
  fundId?: string;
  costCenterId?: string;
}

import { AppError } from '../../platform/errors.js';

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

export type ExpenseAction = 'edit' | 'submit' | 'approve' | 'reject' | 'discard' | 'replenish';

/** The lifecycle, in the one place that says which action is allowed from which state. */
const TRANSITIONS: Record<ExpenseAction, { from: readonly ExpenseStatus[]; to: ExpenseStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  discard: { from: ['draft'], to: 'discarded' },
  replenish: { from: ['approved'], to: 'replenished' },
};

const STATUS_ES: Record<ExpenseStatus, string> = {
  draft: 'borrador',
  submitted: 'enviado a aprobación',
  approved: 'aprobado',
  rejected: 'rechazado',
  replenished: 'repuesto',
  discarded: 'descartado',
};

const ACTION_ES: Record<ExpenseAction, string> = {
  edit: 'modificar',
  submit: 'enviar a aprobación',
  approve: 'aprobar',
  reject: 'rechazar',
  discard: 'descartar',
  replenish: 'reponer',
};

/** Is the action allowed from this state? (nextStatus says why not.) */
export function allowsAction(current: ExpenseStatus, action: ExpenseAction): boolean {
  return TRANSITIONS[action].from.includes(current);
}

/** The state after the action, or an error that says why it is refused. */
export function nextStatus(current: ExpenseStatus, action: ExpenseAction): ExpenseStatus {
  const transition = TRANSITIONS[action];
  if (!allowsAction(current, action)) {
    const hint =
      current === 'approved' || current === 'replenished'
        ? ' Un gasto aprobado no se edita: las correcciones se hacen con un movimiento de reversa.'
        : '';
    throw new AppError(
      'EXPENSE_INVALID_TRANSITION',
      409,
      `No se puede ${ACTION_ES[action]} un gasto ${STATUS_ES[current]}.${hint}`,
    );
  }
  return transition.to;
}

import { AppError } from '../../platform/errors.js';
import { formatPesos } from '../../platform/money.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const advanceErrors = {
  advanceNotFound: () =>
    new AppError('ADVANCE_NOT_FOUND', 404, 'No encontramos ese anticipo en tu organización.'),
  employeeInvalid: () =>
    new AppError(
      'ADVANCE_EMPLOYEE_INVALID',
      400,
      'El anticipo se entrega a un miembro activo de tu organización.',
      {
        errors: [{ path: 'employeeId', message: 'Elige a un miembro activo.' }],
      },
    ),
  dueDateInPast: () =>
    new AppError(
      'ADVANCE_DUE_DATE_PAST',
      400,
      'La fecha límite para comprobar no puede ser anterior a hoy.',
      {
        errors: [{ path: 'dueDate', message: 'Elige hoy o una fecha posterior.' }],
      },
    ),
  insufficientFunds: (cash: string, amount: string, what: 'advance' | 'reimbursement') =>
    new AppError(
      'INSUFFICIENT_FUNDS',
      409,
      what === 'advance'
        ? `Fondos insuficientes: la caja tiene ${formatPesos(cash)} en efectivo y el anticipo es de ${formatPesos(amount)}. Entrégalo por transferencia o solicita una reposición de la caja.`
        : `Fondos insuficientes: la caja tiene ${formatPesos(cash)} en efectivo y el reembolso es de ${formatPesos(amount)}. Reembolsa por transferencia o solicita una reposición de la caja.`,
      {
        errors: [
          { path: what === 'advance' ? 'amount' : 'fundId', message: `La caja tiene ${formatPesos(cash)}.` },
        ],
      },
    ),
  excessExceedsCash: (cash: string, excess: string) =>
    new AppError(
      'INSUFFICIENT_FUNDS',
      409,
      `Fondos insuficientes: hay que reembolsar al empleado ${formatPesos(excess)} del excedente y la caja tiene ${formatPesos(cash)} en efectivo. Solicita una reposición de la caja y liquida después.`,
    ),
  notOpen: (folio: number, status: string) =>
    new AppError(
      'ADVANCE_NOT_OPEN',
      409,
      `El anticipo ${folio} ya está ${status === 'settled' ? 'liquidado' : 'cancelado'}: no admite gastos ni otra liquidación.`,
    ),
  expensesWaiting: (drafts: number, submitted: number) => {
    const parts = [
      drafts > 0
        ? `${plural(drafts, 'gasto en borrador', 'gastos en borrador')} (envíalos o descártalos)`
        : null,
      submitted > 0
        ? `${plural(submitted, 'gasto por aprobar', 'gastos por aprobar')} (que se aprueben o rechacen)`
        : null,
    ].filter(Boolean);
    return new AppError(
      'ADVANCE_EXPENSES_PENDING',
      409,
      `Todavía no se puede liquidar: el anticipo tiene ${parts.join(' y ')}. Se liquida cuando cada gasto está aprobado o rechazado.`,
    );
  },
  notTheEmployee: () =>
    new AppError(
      'ADVANCE_OTHER_EMPLOYEE',
      403,
      'Solo la persona que recibió el anticipo puede comprobar gastos contra él.',
      { errors: [{ path: 'advanceId', message: 'Ese anticipo es de otra persona.' }] },
    ),
  paymentMethodMustBeEmployee: () =>
    new AppError(
      'ADVANCE_EXPENSE_PAYMENT_METHOD',
      400,
      'Un gasto contra un anticipo se pagó con el dinero del anticipo: su forma de pago es "employee" (la del empleado), no se paga otra vez ni se reembolsa aparte.',
      { errors: [{ path: 'paymentMethod', message: 'Usa "employee".' }] },
    ),
  notReimbursable: (reason: 'method' | 'advance' | 'status') =>
    new AppError(
      'EXPENSE_NOT_REIMBURSABLE',
      409,
      {
        method:
          'Solo se reembolsan los gastos que el empleado pagó con su dinero (forma de pago "employee").',
        advance:
          'Este gasto se comprobó contra un anticipo: se salda al liquidar el anticipo, no se reembolsa aparte.',
        status: 'Solo se reembolsa un gasto aprobado.',
      }[reason],
    ),
  alreadyReimbursed: () =>
    new AppError('EXPENSE_ALREADY_REIMBURSED', 409, 'Este gasto ya se reembolsó: no se paga dos veces.'),
  fundRequired: () =>
    new AppError('FUND_REQUIRED', 400, 'Para pagar en efectivo indica la caja chica de la que sale.', {
      errors: [{ path: 'fundId', message: 'Elige la caja chica.' }],
    }),
  referenceRequired: () =>
    new AppError(
      'TRANSFER_REFERENCE_REQUIRED',
      400,
      'Escribe la referencia de la transferencia (clave de rastreo o folio del banco).',
      {
        errors: [{ path: 'reference', message: 'Escribe la referencia.' }],
      },
    ),
};

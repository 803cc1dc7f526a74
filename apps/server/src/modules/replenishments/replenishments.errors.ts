import { AppError, type FieldError } from '../../platform/errors.js';
import { formatPesos } from '../../platform/money.js';
import type { ReplenishmentStatus } from './replenishments.schema.js';

export const STATUS_ES: Record<ReplenishmentStatus, string> = {
  requested: 'solicitada',
  approved: 'aprobada',
  paid: 'pagada',
  canceled: 'cancelada',
};

/** Why a voucher cannot go into a replenishment; the first one found sets the answer's code. */
export type VoucherProblem = 'not_found' | 'other_fund' | 'not_approved' | 'already_included';

const PROBLEM: Record<VoucherProblem, { code: string; status: number }> = {
  not_found: { code: 'VOUCHER_NOT_FOUND', status: 400 },
  other_fund: { code: 'VOUCHER_OF_ANOTHER_FUND', status: 400 },
  not_approved: { code: 'VOUCHER_NOT_APPROVED', status: 409 },
  already_included: { code: 'VOUCHER_ALREADY_IN_REPLENISHMENT', status: 409 },
};

export const replenishmentErrors = {
  notFound: () =>
    new AppError('REPLENISHMENT_NOT_FOUND', 404, 'No encontramos esa reposición en tu organización.'),
  itemNotFound: () =>
    new AppError('REPLENISHMENT_ITEM_NOT_FOUND', 404, 'Ese comprobante no forma parte de esta reposición.'),
  empty: (fundName: string) =>
    new AppError(
      'REPLENISHMENT_EMPTY',
      409,
      `La caja "${fundName}" no tiene comprobantes aprobados por reponer. Aprueba primero sus gastos.`,
    ),
  totalNotPositive: (total: string) =>
    new AppError(
      'REPLENISHMENT_TOTAL_NOT_POSITIVE',
      409,
      `Los comprobantes elegidos suman ${formatPesos(total)}: los sobrantes de arqueo superan a los gastos. Incluye más gastos aprobados.`,
    ),
  vouchers: (problems: { kind: VoucherProblem; path: string; message: string }[]) => {
    const first = problems[0] ?? { kind: 'not_found' as const, message: '' };
    const errors: FieldError[] = problems.map(({ path, message }) => ({ path, message }));
    const detail =
      problems.length === 1
        ? `No se puede incluir en la reposición: ${first.message}`
        : `Hay ${problems.length} comprobantes que no se pueden incluir en la reposición: ${problems
            .map((problem) => problem.message)
            .join(' ')}`;
    return new AppError(PROBLEM[first.kind].code, PROBLEM[first.kind].status, detail, { errors });
  },
  invalidState: (folio: number, status: ReplenishmentStatus, action: string) =>
    new AppError(
      'REPLENISHMENT_INVALID_STATE',
      409,
      `La reposición ${folio} está ${STATUS_ES[status]}: no se puede ${action}.`,
    ),
  ownRequest: () =>
    new AppError(
      'SECOND_APPROVER_REQUIRED',
      403,
      'Otra persona debe aprobar la reposición que tú solicitaste. Puedes cancelarla si ya no la necesitas.',
    ),
  cannotAct: () =>
    new AppError(
      'REPLENISHMENT_FORBIDDEN',
      403,
      'Solo el responsable de la caja, un administrador o un aprobador pueden hacer esto con la reposición.',
    ),
  satCancelledIncluded: (vouchers: string[]) =>
    new AppError(
      'REPLENISHMENT_HAS_CANCELLED_CFDI',
      409,
      `No se puede aprobar: ${vouchers.length === 1 ? 'un CFDI está cancelado' : `${vouchers.length} CFDI están cancelados`} en el SAT (${vouchers.join('; ')}). Exclúyelos de la reposición o cancélala.`,
    ),
  satUnavailable: (count: number) =>
    new AppError(
      'SAT_UNAVAILABLE',
      503,
      `El SAT no respondió por ${count === 1 ? 'un CFDI' : `${count} CFDI`}: no verificado${count === 1 ? '' : 's'}. Intenta de nuevo en unos minutos.`,
      { headers: { 'retry-after': '120' } },
    ),
  lastItem: () =>
    new AppError(
      'REPLENISHMENT_LAST_ITEM',
      409,
      'Es el único comprobante que queda (o los restantes no suman más de cero): cancela la reposición en lugar de excluirlo.',
    ),
  paymentDate: (reason: 'future' | 'before_request') =>
    new AppError(
      'PAYMENT_DATE_OUT_OF_RANGE',
      400,
      reason === 'future'
        ? 'La fecha del pago no puede ser posterior a hoy.'
        : 'La fecha del pago no puede ser anterior a la solicitud de la reposición.',
      { errors: [{ path: 'paymentDate', message: 'Revisa la fecha del pago.' }] },
    ),
};

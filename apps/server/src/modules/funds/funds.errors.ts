import { AppError } from '../../platform/errors.js';
import { formatPesos } from '../../platform/money.js';

export const fundErrors = {
  fundNotFound: () =>
    new AppError('FUND_NOT_FOUND', 404, 'No encontramos esa caja chica en tu organización.'),
  fundClosed: () =>
    new AppError('FUND_CLOSED', 409, 'Esa caja chica está cerrada: ya no admite gastos ni movimientos.'),
  insufficientFunds: (cash: string) =>
    new AppError(
      'INSUFFICIENT_FUNDS',
      409,
      `Fondos insuficientes: la caja tiene ${formatPesos(cash)} en efectivo. Registra el gasto como pagado por el empleado o solicita una reposición.`,
    ),
  nameTaken: (name: string) =>
    new AppError('FUND_NAME_TAKEN', 409, `Ya existe una caja chica llamada "${name}". Usa otro nombre.`, {
      errors: [{ path: 'name', message: 'Ese nombre ya está en uso.' }],
    }),
  custodianInvalid: () =>
    new AppError('CUSTODIAN_INVALID', 400, 'El responsable debe ser un miembro activo de tu organización.', {
      errors: [{ path: 'custodianId', message: 'Elige a un miembro activo.' }],
    }),
  decreaseTooLarge: (cash: string) =>
    new AppError(
      'DECREASE_EXCEEDS_CASH',
      409,
      `Solo puedes retirar el efectivo que hay en la caja (${formatPesos(cash)}). Repón primero los comprobantes pendientes.`,
    ),
  closeWithPending: () =>
    new AppError(
      'FUND_HAS_PENDING_ITEMS',
      409,
      'No se puede cerrar: la caja tiene comprobantes por reponer o anticipos abiertos. Repón o liquida primero.',
    ),
  notCustodian: () =>
    new AppError(
      'NOT_FUND_CUSTODIAN',
      403,
      'Solo el responsable de esta caja o un administrador pueden registrar movimientos en ella.',
    ),
  changeRequestNotFound: () =>
    new AppError('FUND_CHANGE_REQUEST_NOT_FOUND', 404, 'No encontramos esa solicitud de cambio de caja.'),
  changeAlreadyPending: () =>
    new AppError(
      'FUND_CHANGE_ALREADY_PENDING',
      409,
      'Esta caja ya tiene una solicitud de cambio esperando aprobación. Apruébala, recházala o cancélala primero.',
    ),
  changeAlreadyDecided: (status: string) =>
    new AppError(
      'FUND_CHANGE_ALREADY_DECIDED',
      409,
      `Esa solicitud ya fue ${CHANGE_STATUS_ES[status] ?? 'decidida'}: no puede decidirse otra vez.`,
    ),
  rejectionReasonRequired: () =>
    new AppError('REASON_REQUIRED', 400, 'Escribe el motivo del rechazo: quien lo pidió lo verá.', {
      errors: [{ path: 'reason', message: 'Escribe el motivo.' }],
    }),
  ownChangeRequest: () =>
    new AppError(
      'SECOND_APPROVER_REQUIRED',
      403,
      'Otra persona debe aprobar o rechazar tu solicitud: la política de tu organización pide dos personas para este cambio. Puedes cancelarla.',
    ),
};

const CHANGE_STATUS_ES: Record<string, string> = {
  approved: 'aprobada',
  rejected: 'rechazada',
  canceled: 'cancelada',
};

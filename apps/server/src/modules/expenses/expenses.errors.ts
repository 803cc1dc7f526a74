import { AppError } from '../../platform/errors.js';

export const expenseErrors = {
  expenseNotFound: () =>
    new AppError('EXPENSE_NOT_FOUND', 404, 'No encontramos ese gasto en tu organización.'),
  fundRequired: () =>
    new AppError(
      'FUND_REQUIRED',
      400,
      'Un gasto pagado con efectivo de la caja necesita la caja de la que salió.',
      {
        errors: [{ path: 'fundId', message: 'Elige la caja chica.' }],
      },
    ),
  amountsDoNotAdd: (expected: string) =>
    new AppError(
      'EXPENSE_AMOUNTS_DO_NOT_ADD',
      400,
      `Los importes no cuadran: subtotal − descuento + impuestos trasladados − retenciones da ${expected}, no el total indicado. Revisa el IVA y las retenciones.`,
      { errors: [{ path: 'total', message: `Debería ser ${expected}.` }] },
    ),
  dateOutOfRange: (reason: 'future' | 'too_old') =>
    new AppError(
      'EXPENSE_DATE_OUT_OF_RANGE',
      400,
      reason === 'future'
        ? 'La fecha del gasto no puede ser posterior a hoy.'
        : 'La fecha del gasto es de hace más de cinco años: revisa el año.',
      {
        errors: [{ path: 'date', message: reason === 'future' ? 'Es una fecha futura.' : 'Revisa el año.' }],
      },
    ),
  cfdiAmountsLocked: () =>
    new AppError(
      'CFDI_AMOUNTS_LOCKED',
      409,
      'Los importes y el proveedor de un gasto con CFDI vienen de la factura y no se cambian.',
    ),
  notYours: () =>
    new AppError(
      'EXPENSE_NOT_YOURS',
      403,
      'Solo quien registró el gasto o el responsable de su caja pueden cambiarlo.',
    ),
  ownApproval: () =>
    new AppError(
      'OWN_EXPENSE_APPROVAL',
      403,
      'Nadie puede aprobar ni rechazar su propio gasto: pide a otro aprobador.',
    ),
  duplicateCfdi: (existingId: string) =>
    new AppError(
      'CFDI_DUPLICATE',
      409,
      `Ese CFDI ya está registrado en otro gasto de tu organización (${existingId}).`,
    ),
};

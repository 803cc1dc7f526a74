import { AppError } from '../../platform/errors.js';

export const cashCountErrors = {
  cashCountNotFound: () =>
    new AppError('CASH_COUNT_NOT_FOUND', 404, 'No encontramos ese arqueo en tu organización.'),
  witnessInvalid: () =>
    new AppError(
      'WITNESS_INVALID',
      400,
      'El testigo del arqueo debe ser un miembro activo de tu organización.',
      {
        errors: [{ path: 'witnessId', message: 'Elige a un miembro activo.' }],
      },
    ),
  witnessIsCustodian: () =>
    new AppError(
      'WITNESS_IS_CUSTODIAN',
      400,
      'El testigo no puede ser el responsable de la caja: el arqueo lo firma otra persona.',
      { errors: [{ path: 'witnessId', message: 'Elige a alguien distinto del responsable.' }] },
    ),
};

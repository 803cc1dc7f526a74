import { AppError } from '../../platform/errors.js';

export const approvalErrors = {
  notYourLevel: (waitingFor: string) =>
    new AppError(
      'APPROVAL_NOT_YOUR_LEVEL',
      403,
      `Este gasto espera la aprobación de ${waitingFor}. Tu rol no corresponde a este nivel de aprobación.`,
    ),
  alreadyDecidedLevel: () =>
    new AppError(
      'APPROVAL_SAME_PERSON',
      403,
      'Ya decidiste un nivel de este gasto: el siguiente nivel debe aprobarlo otra persona.',
    ),
  ruleNotFound: () => new AppError('APPROVAL_RULE_NOT_FOUND', 404, 'No encontramos esa regla de aprobación.'),
  approverInvalid: (index: number) =>
    new AppError(
      'APPROVER_INVALID',
      400,
      `El nivel ${index + 1} debe aprobarlo un miembro activo con un rol que pueda aprobar gastos (administrador o aprobador).`,
      { errors: [{ path: `levels.${index}`, message: 'Elige un aprobador válido.' }] },
    ),
  approverRoleInvalid: (index: number) =>
    new AppError(
      'APPROVER_ROLE_INVALID',
      400,
      `El rol del nivel ${index + 1} no puede aprobar gastos: elige administrador o aprobador.`,
      { errors: [{ path: `levels.${index}.role`, message: 'Ese rol no aprueba gastos.' }] },
    ),
  levelsRequired: () =>
    new AppError(
      'APPROVAL_LEVELS_REQUIRED',
      400,
      'Indica al menos un nivel de aprobación (hasta 5), o marca la regla como aprobación automática.',
      { errors: [{ path: 'levels', message: 'Agrega un nivel.' }] },
    ),
  rangeInvalid: () =>
    new AppError('APPROVAL_RANGE_INVALID', 400, 'El importe máximo debe ser mayor o igual que el mínimo.', {
      errors: [{ path: 'maxAmount', message: 'Debe ser mayor o igual que el mínimo.' }],
    }),
};

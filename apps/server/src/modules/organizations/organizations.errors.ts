import { AppError } from '../../platform/errors.js';

export const organizationErrors = {
  memberNotFound: () =>
    new AppError('MEMBER_NOT_FOUND', 404, 'No encontramos a esa persona en tu organización.'),
  invitationNotFound: () =>
    new AppError('INVITATION_NOT_FOUND', 404, 'No encontramos esa invitación en tu organización.'),
  ownerRoleByTransfer: () =>
    new AppError(
      'OWNER_ROLE_BY_TRANSFER',
      400,
      'El rol "Administrador de la cuenta" no se asigna: el administrador actual lo transfiere a otra persona.',
      { errors: [{ path: 'roles', message: 'Quita "Administrador de la cuenta" de los roles.' }] },
    ),
  ownerCannotBeDeactivated: () =>
    new AppError(
      'OWNER_CANNOT_BE_DEACTIVATED',
      409,
      'No se puede desactivar al administrador de la cuenta: primero transfiere ese rol a otra persona activa.',
    ),
  cannotDeactivateSelf: () =>
    new AppError(
      'CANNOT_DEACTIVATE_SELF',
      409,
      'No puedes desactivarte a ti mismo. Pide a otro administrador que lo haga.',
    ),
  transferTargetInvalid: () =>
    new AppError(
      'TRANSFER_TARGET_INVALID',
      409,
      'La administración de la cuenta solo se transfiere a otra persona activa de la organización.',
    ),
  alreadyMember: () =>
    new AppError('ALREADY_MEMBER', 409, 'Esa persona ya es miembro activo de la organización.', {
      errors: [{ path: 'email', message: 'Ya es miembro de la organización.' }],
    }),
  invitationInvalid: () =>
    new AppError('TOKEN_INVALID', 400, 'La invitación no es válida. Revisa que copiaste el enlace completo.'),
  invitationUsed: () =>
    new AppError('TOKEN_USED', 410, 'Esta invitación ya se aceptó. Inicia sesión para entrar.'),
  invitationExpired: () =>
    new AppError(
      'TOKEN_EXPIRED',
      410,
      'Esta invitación venció o fue cancelada. Pide a quien te invitó que te envíe otra.',
    ),
  loginRequired: (email: string) =>
    new AppError(
      'LOGIN_REQUIRED',
      401,
      `Ya existe una cuenta con ${email}: inicia sesión con ella para aceptar la invitación.`,
    ),
  wrongAccount: (email: string) =>
    new AppError(
      'INVITATION_FOR_ANOTHER_EMAIL',
      403,
      `Esta invitación es para ${email}. Inicia sesión con esa cuenta para aceptarla.`,
    ),
  newAccountFieldsRequired: () =>
    new AppError('VALIDATION_FAILED', 400, 'Para crear tu cuenta escribe tu nombre y una contraseña.', {
      errors: [
        { path: 'name', message: 'Escribe tu nombre.' },
        { path: 'password', message: 'Elige una contraseña de 8 a 128 caracteres.' },
      ],
    }),
};

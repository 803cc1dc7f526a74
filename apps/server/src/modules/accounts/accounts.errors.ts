import { AppError } from '../../platform/errors.js';

export const accountErrors = {
  emailTaken: () =>
    new AppError(
      'EMAIL_TAKEN',
      409,
      'Ya existe una cuenta con este correo. Inicia sesión o restablece tu contraseña.',
      { errors: [{ path: 'email', message: 'Este correo ya está registrado.' }] },
    ),
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', 401, 'El correo o la contraseña no son correctos.'),
  emailNotVerified: () =>
    new AppError(
      'EMAIL_NOT_VERIFIED',
      403,
      'Confirma tu correo antes de entrar: abre el enlace que te enviamos o pide uno nuevo.',
    ),
  mfaRequired: () =>
    new AppError('MFA_REQUIRED', 401, 'Escribe el código de 6 dígitos de tu aplicación de autenticación.'),
  mfaInvalid: () =>
    new AppError(
      'MFA_INVALID',
      401,
      'El código de verificación no es correcto o ya venció. Intenta con el código actual.',
    ),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'LOGIN_THROTTLED',
      429,
      `Demasiados intentos fallidos. Espera ${Math.ceil(retryAfterSeconds / 60)} minutos o restablece tu contraseña.`,
      { headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
  noActiveMembership: () =>
    new AppError(
      'NO_ACTIVE_MEMBERSHIP',
      403,
      'Tu usuario no pertenece a ninguna organización activa. Pide a un administrador que te invite de nuevo.',
    ),
  tokenInvalid: () =>
    new AppError(
      'TOKEN_INVALID',
      400,
      'El enlace no es válido. Revisa que lo copiaste completo o pide uno nuevo.',
    ),
  tokenUsed: () => new AppError('TOKEN_USED', 410, 'Este enlace ya se usó. Pide uno nuevo si lo necesitas.'),
  tokenExpired: () => new AppError('TOKEN_EXPIRED', 410, 'Este enlace venció. Pide uno nuevo.'),
  unauthenticated: () =>
    new AppError('UNAUTHENTICATED', 401, 'Tu sesión no es válida o venció. Inicia sesión.'),
  mfaNotStarted: () =>
    new AppError(
      'MFA_NOT_STARTED',
      409,
      'Primero genera el código QR para activar la verificación en dos pasos.',
    ),
  mfaAlreadyEnabled: () =>
    new AppError('MFA_ALREADY_ENABLED', 409, 'La verificación en dos pasos ya está activa.'),
  wrongPassword: () =>
    new AppError('WRONG_PASSWORD', 400, 'La contraseña actual no es correcta.', {
      errors: [{ path: 'password', message: 'La contraseña actual no es correcta.' }],
    }),
  organizationNotFound: () =>
    new AppError(
      'ORGANIZATION_NOT_FOUND',
      404,
      'No perteneces a esa organización o tu acceso está desactivado.',
    ),
};

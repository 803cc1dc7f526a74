import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';

const PAYMENT_STATUS_TEXT = {
  succeeded:
    'ya está pagado: no se registran más transferencias. Si llegó dinero de más, devuélvelo al cliente',
  canceled:
    'está cancelado (el cliente inició otro pago o el proveedor no respondió). Registra la transferencia en el pago pendiente de la organización o devuélvela',
  expired: 'venció. Registra la transferencia en el pago pendiente de la organización o devuélvela',
} as const;

const METHOD_TEXT = { card: 'con tarjeta', oxxo: 'en efectivo en OXXO', spei: 'por SPEI' } as const;

/** The back office's refusals, each saying what the operator can do instead. */
export const backofficeErrors = {
  unauthenticated: () =>
    new AppError(
      'OPERATOR_UNAUTHENTICATED',
      401,
      'Tu sesión de operador no es válida o venció. Inicia sesión en el back office.',
    ),
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', 401, 'El correo o la contraseña no son correctos.'),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'LOGIN_THROTTLED',
      429,
      `Demasiados intentos fallidos. Espera ${Math.ceil(retryAfterSeconds / 60)} minutos antes de intentar de nuevo.`,
      { headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
  operatorExists: (email: string) =>
    conflict('OPERATOR_EXISTS', `Ya existe un operador con el correo ${email}.`),
  invalidOperator: (message: string) => badRequest('OPERATOR_INVALID', message),
  paymentNotFound: () => notFound('PAYMENT_NOT_FOUND', 'Ese pago no existe.'),
  paymentNotSpei: (method: keyof typeof METHOD_TEXT) =>
    conflict(
      'PAYMENT_NOT_SPEI',
      `Ese pago es ${METHOD_TEXT[method]}: solo los pagos por transferencia SPEI se registran a mano.`,
    ),
  paymentNotPending: (status: keyof typeof PAYMENT_STATUS_TEXT) =>
    conflict('PAYMENT_NOT_PENDING', `Ese pago ${PAYMENT_STATUS_TEXT[status]}.`),
  receivedInFuture: () =>
    badRequest('RECEIVED_IN_FUTURE', 'La fecha de recepción no puede ser posterior a hoy.', [
      { path: 'receivedOn', message: 'Escribe la fecha en que llegó la transferencia (hoy o antes).' },
    ]),
  refundNotFound: () => notFound('REFUND_NOT_FOUND', 'Ese reembolso no existe.'),
  refundAlreadyIssued: (reference: string | null) =>
    conflict(
      'REFUND_ALREADY_ISSUED',
      `Ese reembolso ya está registrado como enviado${reference ? ` (referencia ${reference})` : ''}.`,
    ),
  refundByProvider: () =>
    conflict(
      'REFUND_BY_PROVIDER',
      'Ese reembolso se devuelve por el proveedor de pagos: usa «Reintentar» en lugar de registrar una transferencia.',
    ),
};

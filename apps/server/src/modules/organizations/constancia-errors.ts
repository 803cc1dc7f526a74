import { AppError } from '../../platform/errors.js';

/** What goes wrong reading a Constancia de Situación Fiscal, and what to do about it, in Spanish. */

export const CONSTANCIA_MAX_BYTES = 5 * 1024 * 1024;

export const constanciaErrors = {
  notPdf: () =>
    new AppError(
      'NOT_A_PDF',
      400,
      'El archivo no es un PDF. Sube tu Constancia de Situación Fiscal en PDF, tal como la descargas del portal del SAT.',
      { errors: [{ path: 'file', message: 'Sube un archivo PDF.' }] },
    ),
  tooLarge: () =>
    new AppError(
      'FILE_TOO_LARGE',
      413,
      `El PDF pesa más de ${CONSTANCIA_MAX_BYTES / 1024 / 1024} MB. La Constancia de Situación Fiscal del SAT pesa mucho menos: descárgala de nuevo del portal del SAT.`,
    ),
  encrypted: () =>
    new AppError(
      'CONSTANCIA_ENCRYPTED',
      422,
      'El PDF está protegido con contraseña y no podemos leerlo. Sube la constancia tal como la descargas del portal del SAT, o captura los datos a mano.',
    ),
  unreadable: () =>
    new AppError(
      'CONSTANCIA_UNREADABLE',
      422,
      'No pudimos abrir el PDF: parece dañado o incompleto. Descárgalo de nuevo del portal del SAT, o captura los datos a mano.',
    ),
  noText: () =>
    new AppError(
      'CONSTANCIA_NO_TEXT',
      422,
      'El PDF no tiene texto que podamos leer: parece un escaneo o una foto. Sube la constancia tal como la descargas del portal del SAT, o captura los datos a mano.',
    ),
  notConstancia: () =>
    new AppError(
      'NOT_A_CONSTANCIA',
      422,
      'No encontramos los datos de una Constancia de Situación Fiscal en este PDF; si es un escaneo, captura los datos a mano.',
    ),
};

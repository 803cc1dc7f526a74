import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

const TITLES: Record<number, string> = {
  400: 'Solicitud inválida',
  401: 'No autenticado',
  403: 'Acceso denegado',
  404: 'No encontrado',
  405: 'Método no permitido',
  409: 'Conflicto',
  410: 'Enlace no disponible',
  413: 'Contenido demasiado grande',
  415: 'Tipo de contenido no admitido',
  422: 'No se puede procesar',
  429: 'Demasiadas solicitudes',
  500: 'Error interno',
  503: 'Servicio no disponible',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
}

export function sendProblem(
  reply: FastifyReply,
  problem: Omit<Problem, 'type' | 'title'> & { title?: string },
  headers: Record<string, string> = {},
) {
  const body: Problem = {
    type: `https://cajachica.mx/problemas/${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: problem.title ?? TITLES[problem.status] ?? 'Error',
    ...problem,
  };
  return reply
    .status(problem.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .send(body);
}

/** Turns whatever was thrown into application/problem+json with a Spanish detail. */
export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const instance = request.url.split('?')[0];
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    return sendProblem(
      reply,
      {
        status: error.status,
        code: error.code,
        detail: error.detail,
        instance,
        ...(error.extra.errors ? { errors: error.extra.errors } : {}),
      },
      error.extra.headers,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [
        // Body fields are named plainly (the form field); query and params say where they were.
        ...(error.validationContext === 'body' ? [] : [error.validationContext]),
        ...issue.instancePath.split('/').filter(Boolean),
      ].join('.'),
      message: issue.message ?? 'Valor no válido.',
    }));
    return sendProblem(reply, {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: `Revisa los datos enviados: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      instance,
      errors,
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, {
      status: 500,
      code: 'INTERNAL_ERROR',
      detail:
        'Ocurrió un error inesperado. Intenta de nuevo; si persiste, contacta a soporte con el identificador de la solicitud.',
      instance,
    });
  }
  return sendProblem(
    reply,
    { status, code: frameworkCode(error), detail: frameworkDetail(error, status), instance },
    status === 429 && reply.getHeader('retry-after')
      ? { 'retry-after': String(reply.getHeader('retry-after')) }
      : {},
  );
}

function frameworkCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'FILE_TOO_LARGE';
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return 'TOO_MANY_FILES';
    default:
      return error.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
  }
}

function frameworkDetail(error: FastifyError, status: number): string {
  switch (frameworkCode(error)) {
    case 'MALFORMED_JSON':
      return 'El cuerpo de la solicitud no es JSON válido. Revisa comillas, comas y llaves.';
    case 'BODY_TOO_LARGE':
      return 'El contenido enviado es demasiado grande.';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
        ? 'Envía los archivos como multipart/form-data.'
        : 'Tipo de contenido no admitido: envía application/json.';
    case 'FILE_TOO_LARGE':
      return 'Un archivo supera el tamaño máximo permitido. Divide el ZIP en partes más pequeñas.';
    case 'TOO_MANY_FILES':
      return 'Enviaste demasiados archivos en una sola carga. Agrúpalos en un ZIP o divídelos en varias cargas.';
    case 'RATE_LIMITED':
      return 'Hiciste demasiadas solicitudes en poco tiempo. Espera un momento e intenta de nuevo.';
    default:
      return status === 404 ? 'No encontramos lo que buscas.' : 'La solicitud no es válida.';
  }
}

/**
 * SAT's "Consulta de estado de CFDI": the port the rest of the server uses, whatever answers it
 * (the SOAP web service, or nothing at all in embedded mode without internet).
 */

export interface CfdiStatusQuery {
  issuerRfc: string;
  receiverRfc: string;
  /** Comprobante/@Total exactly as written in the CFDI (a decimal string, never a float). */
  total: string;
  /** UUID of the TimbreFiscalDigital. */
  uuid: string;
  /** Comprobante/@Sello; only its last 8 characters travel (the `fe` of the expression). */
  sello?: string;
}

export type SatDocumentStatus = 'vigente' | 'cancelado' | 'no_encontrado';

export type SatCancellableStatus =
  | 'cancelable_sin_aceptacion'
  | 'cancelable_con_aceptacion'
  | 'no_cancelable'
  | 'unknown';

export type SatCancellationStatus =
  | 'en_proceso'
  | 'plazo_vencido'
  | 'cancelado_con_aceptacion'
  | 'cancelado_sin_aceptacion'
  | 'solicitud_rechazada'
  | 'none'
  | 'unknown';

/**
 * ValidacionEFOS. `efos_100`: the issuer is on the 69-B list (SAT codes 100, 101, 104);
 * `efos_200`: SAT's plain "not listed" answer (code 200); `not_listed`: SAT's other documented
 * "issuer not listed" codes (102, 103, 201); `unknown`: empty or a code SAT never documented.
 */
export type SatEfosStatus = 'efos_100' | 'efos_200' | 'not_listed' | 'unknown';

export interface CfdiStatusResult {
  checked: true;
  document: SatDocumentStatus;
  cancellable: SatCancellableStatus;
  cancellation: SatCancellationStatus;
  efos: SatEfosStatus;
  /** CodigoEstatus as SAT wrote it, e.g. "S - Comprobante obtenido satisfactoriamente.". */
  rawCode: string;
  checkedAt: Date;
}

export type CfdiStatusOutcome =
  | CfdiStatusResult
  | { checked: false /** Spanish, for people. */; reason: string };

export interface SatStatusClient {
  /** Asks SAT; throws SatUnavailableError when SAT could not answer (the caller retries later). */
  check(query: CfdiStatusQuery): Promise<CfdiStatusOutcome>;
}

export type SatUnavailableKind = 'network' | 'timeout' | 'http_status' | 'soap_fault' | 'bad_response';

/**
 * SAT did not give a usable answer. Thrown rather than returned so that no caller can mistake
 * "SAT is down" for a status: the job that checks CFDIs retries it with backoff.
 */
export class SatUnavailableError extends Error {
  constructor(
    readonly kind: SatUnavailableKind,
    /** Spanish, safe to show: says the CFDI was not verified. */
    message: string,
    readonly details: { httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SatUnavailableError';
  }
}

export const OFFLINE_REASON = 'Modo sin conexión: el estado en el SAT no se ha verificado.';

/** Embedded mode without internet: never pretends a CFDI is vigente, it says it was not verified. */
export function createOfflineSatStatusClient(): SatStatusClient {
  return {
    async check() {
      return { checked: false, reason: OFFLINE_REASON };
    },
  };
}

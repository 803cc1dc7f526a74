import { formatExpressionTotal } from '@cajachica/cfdi';
import {
  type CfdiStatusOutcome,
  type CfdiStatusQuery,
  type SatStatusClient,
  SatUnavailableError,
} from './cfdi-status.js';
import { interpretConsultaAcuse, readConsultaResponse } from './cfdi-status-response.js';

export const SAT_CONSULTA_CFDI_URL =
  'https://consultaqr.facturaelectronica.sat.gob.mx/ConsultaCFDIService.svc';
export const SAT_CONSULTA_SOAP_ACTION = 'http://tempuri.org/IConsultaCFDIService/Consulta';

const NOT_VERIFIED = 'no verificado';
/** SAT's answers are < 1 KB; anything far larger is not ConsultaCFDIService talking. */
const MAX_RESPONSE_CHARS = 256 * 1024;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC_PATTERN = /^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$/;
const TOTAL_PATTERN = /^[0-9]{1,18}(\.[0-9]+)?$/;
const SELLO_PATTERN = /^[A-Za-z0-9+/=]+$/;

export class InvalidCfdiStatusQueryError extends Error {
  constructor(field: string) {
    super(`Dato del CFDI no válido para consultar al SAT: ${field}.`);
    this.name = 'InvalidCfdiStatusQueryError';
  }
}

/**
 * The `expresionImpresa` SAT's service reads: ?re=…&rr=…&tt=…&id=…&fe=… (fe only with a sello).
 * tt follows the CFDI 3.3/4.0 QR rule (up to 6 decimals, trailing zeros dropped, one kept), and
 * an "&" in an RFC goes as "&amp;" as in the printed QR, or SAT would read it as a separator.
 * Every part is validated, which also guarantees nothing can close the CDATA it travels in.
 */
export function buildConsultaExpression(query: CfdiStatusQuery): string {
  const issuerRfc = query.issuerRfc.trim().toUpperCase();
  const receiverRfc = query.receiverRfc.trim().toUpperCase();
  const total = query.total.trim();
  const uuid = query.uuid.trim();
  const sello = query.sello?.trim() ?? '';
  if (!RFC_PATTERN.test(issuerRfc)) throw new InvalidCfdiStatusQueryError('RFC del emisor');
  if (!RFC_PATTERN.test(receiverRfc)) throw new InvalidCfdiStatusQueryError('RFC del receptor');
  if (!TOTAL_PATTERN.test(total)) throw new InvalidCfdiStatusQueryError('total');
  if (!UUID_PATTERN.test(uuid)) throw new InvalidCfdiStatusQueryError('UUID');
  if (sello !== '' && !SELLO_PATTERN.test(sello)) throw new InvalidCfdiStatusQueryError('sello');
  const parts = [
    `re=${issuerRfc.replace(/&/g, '&amp;')}`,
    `rr=${receiverRfc.replace(/&/g, '&amp;')}`,
    `tt=${formatExpressionTotal(total)}`,
    `id=${uuid}`,
  ];
  if (sello !== '') parts.push(`fe=${sello.slice(-8)}`);
  return `?${parts.join('&')}`;
}

/** SOAP 1.1 envelope of IConsultaCFDIService/Consulta, the expression in CDATA as SAT's manual shows. */
export function buildConsultaEnvelope(expression: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tem="http://tempuri.org/">' +
    '<soapenv:Header/><soapenv:Body><tem:Consulta>' +
    `<tem:expresionImpresa><![CDATA[${expression}]]></tem:expresionImpresa>` +
    '</tem:Consulta></soapenv:Body></soapenv:Envelope>'
  );
}

export interface SoapSatStatusClientOptions {
  /** Defaults to SAT's production service. */
  url?: string;
  /** Whole request, connection to last byte; SAT is slow at month end, so not too short. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

function transportError(error: unknown): SatUnavailableError {
  if (error instanceof SatUnavailableError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SatUnavailableError('timeout', `El SAT no respondió a tiempo: ${NOT_VERIFIED}.`, {
      cause: error,
    });
  }
  return new SatUnavailableError('network', `Sin conexión con el SAT: ${NOT_VERIFIED}.`, { cause: error });
}

/** The real client: one SOAP call per check, over fetch, no WSDL download. */
export function createSoapSatStatusClient(options: SoapSatStatusClientOptions = {}): SatStatusClient {
  const url = options.url ?? SAT_CONSULTA_CFDI_URL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());

  async function post(expression: string): Promise<{ status: number; body: string }> {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          // SOAP 1.1 wants the action as a quoted string; WCF matches it to the operation.
          SOAPAction: `"${SAT_CONSULTA_SOAP_ACTION}"`,
          Accept: 'text/xml',
        },
        body: buildConsultaEnvelope(expression),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Reading the body is inside the try: a stalled body must time out like a stalled connection.
      return { status: response.status, body: await response.text() };
    } catch (error) {
      throw transportError(error);
    }
  }

  return {
    async check(query): Promise<CfdiStatusOutcome> {
      let expression: string;
      try {
        expression = buildConsultaExpression(query);
      } catch (error) {
        // Bad data will not get better by retrying: say so instead of throwing.
        if (error instanceof InvalidCfdiStatusQueryError) return { checked: false, reason: error.message };
        throw error;
      }
      const { status, body } = await post(expression);
      if (body.length > MAX_RESPONSE_CHARS) {
        throw new SatUnavailableError('bad_response', `Respuesta del SAT no reconocida: ${NOT_VERIFIED}.`);
      }
      if (status < 200 || status >= 300) {
        // WCF sends SOAP faults as HTTP 500: report the fault's text when there is one.
        if (/<(?:[\w.-]+:)?Fault[\s>]/.test(body)) readConsultaResponse(body);
        throw new SatUnavailableError('http_status', `El SAT respondió HTTP ${status}: ${NOT_VERIFIED}.`, {
          httpStatus: status,
        });
      }
      return interpretConsultaAcuse(readConsultaResponse(body), now());
    },
  };
}

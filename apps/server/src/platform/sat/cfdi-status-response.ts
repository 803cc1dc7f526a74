import {
  type CfdiStatusOutcome,
  type SatCancellableStatus,
  type SatCancellationStatus,
  type SatEfosStatus,
  SatUnavailableError,
} from './cfdi-status.js';

/** Namespace of the Acuse fields inside ConsultaResult (WCF data contract). */
export const CONSULTA_RESULT_NAMESPACE =
  'http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio';

/** The five strings SAT answers (the WSDL's `Acuse`); '' when absent, empty or i:nil. */
export interface ConsultaAcuse {
  CodigoEstatus: string;
  EsCancelable: string;
  Estado: string;
  EstatusCancelacion: string;
  ValidacionEFOS: string;
}

const ACUSE_FIELDS = [
  'CodigoEstatus',
  'EsCancelable',
  'Estado',
  'EstatusCancelacion',
  'ValidacionEFOS',
] as const;

const NOT_VERIFIED = 'no verificado';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text content of an element: CDATA kept verbatim, the five XML entities and char refs decoded. */
function decodeXmlText(text: string): string {
  return text.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi,
    (_match, cdata: string | undefined, entity: string | undefined) => {
      if (cdata !== undefined) return cdata;
      const name = (entity ?? '').toLowerCase();
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? '';
    },
  );
}

/** Prefixes bound to `namespace` anywhere in the document ('' for a default namespace). */
function prefixesFor(xml: string, namespace: string): string[] {
  const prefixes: string[] = [];
  for (const match of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g)) {
    if (match[3] === namespace) prefixes.push(match[1] ?? '');
  }
  return prefixes;
}

function readElement(xml: string, localName: string, prefixes: string[]): string | undefined {
  for (const prefix of prefixes) {
    const qname = escapeRegExp(prefix === '' ? localName : `${prefix}:${localName}`);
    const match = new RegExp(`<${qname}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${qname}\\s*>)`).exec(xml);
    if (match) return decodeXmlText(match[1] ?? '').trim();
  }
  return undefined;
}

/**
 * Reads the Acuse out of ConsultaCFDIService's SOAP response. The response is one flat,
 * fixed shape, so a namespace-aware scan is enough and keeps the server free of an XML
 * dependency. Faults and anything that is not a ConsultaResult throw SatUnavailableError.
 */
export function readConsultaResponse(xml: string): ConsultaAcuse {
  if (/<(?:[\w.-]+:)?Fault[\s>]/.test(xml)) {
    const faultString = readElement(xml, 'faultstring', ['']) ?? '';
    throw new SatUnavailableError(
      'soap_fault',
      `El SAT respondió con un error (${faultString || 'SOAP Fault'}): ${NOT_VERIFIED}.`,
    );
  }
  if (!/<(?:[\w.-]+:)?ConsultaResult[\s>/]/.test(xml)) {
    throw new SatUnavailableError('bad_response', `Respuesta del SAT no reconocida: ${NOT_VERIFIED}.`);
  }
  const prefixes = prefixesFor(xml, CONSULTA_RESULT_NAMESPACE);
  const acuse = {} as ConsultaAcuse;
  for (const field of ACUSE_FIELDS) acuse[field] = readElement(xml, field, prefixes) ?? '';
  return acuse;
}

/** Lower case, no accents, single spaces, no final period: SAT's texts vary in exactly these. */
function normalizeSatText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

const CANCELLABLE: Record<string, SatCancellableStatus> = {
  'cancelable sin aceptacion': 'cancelable_sin_aceptacion',
  'cancelable con aceptacion': 'cancelable_con_aceptacion',
  'no cancelable': 'no_cancelable',
};

const CANCELLATION: Record<string, SatCancellationStatus> = {
  'en proceso': 'en_proceso',
  'plazo vencido': 'plazo_vencido',
  'cancelado con aceptacion': 'cancelado_con_aceptacion',
  'cancelado sin aceptacion': 'cancelado_sin_aceptacion',
  'solicitud rechazada': 'solicitud_rechazada',
};

/** Codes of "Documentación del Servicio de Consulta de CFDI" v1.4, "Mensajes de validación del RFC Emisor". */
const EFOS: Record<string, SatEfosStatus> = {
  '100': 'efos_100',
  '101': 'efos_100',
  '104': 'efos_100',
  '200': 'efos_200',
  '102': 'not_listed',
  '103': 'not_listed',
  '201': 'not_listed',
};

/**
 * Turns SAT's strings into our statuses. Text we do not recognise becomes 'unknown' (never a
 * reassuring default); an Estado we do not recognise means the answer is unusable and throws.
 */
export function interpretConsultaAcuse(acuse: ConsultaAcuse, checkedAt: Date): CfdiStatusOutcome {
  const code = acuse.CodigoEstatus.trim();
  // N - 601: SAT could not read our expression; asking again will not help, so no retry.
  if (/^N\s*-?\s*601\b/i.test(code)) {
    return {
      checked: false,
      reason: `El SAT no aceptó los datos de la consulta (${code}): ${NOT_VERIFIED}.`,
    };
  }
  const estado = normalizeSatText(acuse.Estado);
  const isNotFound = estado === 'no encontrado' || (estado === '' && /^N\s*-?\s*602\b/i.test(code));
  if (isNotFound) {
    return {
      checked: true,
      document: 'no_encontrado',
      cancellable: 'unknown',
      cancellation: 'unknown',
      efos: EFOS[acuse.ValidacionEFOS.trim()] ?? 'unknown',
      rawCode: code,
      checkedAt,
    };
  }
  if (estado !== 'vigente' && estado !== 'cancelado') {
    throw new SatUnavailableError(
      'bad_response',
      `Respuesta inesperada del SAT (Estado "${acuse.Estado}", ${code || 'sin CodigoEstatus'}): ${NOT_VERIFIED}.`,
    );
  }
  const cancellation = normalizeSatText(acuse.EstatusCancelacion);
  return {
    checked: true,
    document: estado,
    cancellable: CANCELLABLE[normalizeSatText(acuse.EsCancelable)] ?? 'unknown',
    // SAT leaves EstatusCancelacion empty while nobody has asked to cancel.
    cancellation: cancellation === '' ? 'none' : (CANCELLATION[cancellation] ?? 'unknown'),
    efos: EFOS[acuse.ValidacionEFOS.trim()] ?? 'unknown',
    rawCode: code,
    checkedAt,
  };
}

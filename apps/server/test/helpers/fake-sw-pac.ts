import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mexicoCityDateTime } from '../../src/platform/mexico-time.js';

/**
 * A stand-in for SW sapien's REST services that speaks their wire format: `POST
 * /security/authenticate` with `user`/`password` headers → `{status, data: {token, expires_in,
 * tokeny_type}}`; `POST /cfdi33/stamp/v4` with the sealed XML as the multipart field `xml` and
 * `Authorization: bearer …` → the "v4" answer (the stamped `cfdi` plus the TFD's values); the same
 * XML again → `307. El comprobante contiene un timbre previo.` carrying the first stamp in `data`;
 * `POST /cfdi33/cancel/{rfc}/{uuid}/{motivo}/{folioSustitucion}` → `{data: {acuse, uuid: {UUID:
 * "201"}}}`. Errors are `{status: 'error', message, messageDetail}`.
 */

export interface RecordedSwRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Multipart fields by name (the stamp's `xml`), text only. */
  fields: Record<string, string>;
}

export interface FakeSwReply {
  status: number;
  body?: unknown;
}

export interface FakeSwPac {
  url: string;
  requests: RecordedSwRequest[];
  /** Stamped XML by UUID (upper case), as the fake returned it. */
  stamped: Map<string, string>;
  /** The next request (of any kind) gets this answer instead. */
  failNext(reply: FakeSwReply): void;
  /** The next stamp is rejected as SAT would reject the receptor (e.g. CFDI40145). */
  rejectNextWith(code: string, message: string): void;
  /**
   * The next request (the next one matching `which`, when given) is carried out but its answer never
   * sent: a response lost on the way back.
   */
  loseNextResponse(which?: { method?: string; path?: string }): void;
  /** Every request answers 503, or hangs past the client's timeout. */
  down(mode?: 'unavailable' | 'hang'): void;
  up(): void;
  /** Tokens handed out so far stop working (SW answers 401), as when one expires early. */
  revokeTokens(): void;
  close(): Promise<void>;
}

export interface FakeSwOptions {
  user?: string;
  password?: string;
  /** Tokens issued to other clients (SW's "token infinito"). */
  fixedTokens?: string[];
  /** Lifetime of an authenticated token (SW's is 2 h). */
  tokenLifetimeSeconds?: number;
}

const TFD_NAMESPACE = 'http://www.sat.gob.mx/TimbreFiscalDigital';
const TFD_SCHEMA =
  'http://www.sat.gob.mx/TimbreFiscalDigital http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd';
/** SW sapien's RFC, as RfcProvCertif of its stamps. */
const RFC_PROV_CERTIF = 'SPR190613I52';
const NO_CERTIFICADO_SAT = '30001000000500003456';

export interface Timbre {
  uuid: string;
  fechaTimbrado: string;
  selloCfd: string;
  selloSat: string;
}

/**
 * Adds a TimbreFiscalDigital 1.1 to a sealed CFDI as a PAC does: a new upper-case UUID, SelloCFD =
 * the Comprobante's Sello, a SelloSAT that is any base64 (no SAT key here).
 */
export function addTimbreFiscalDigital(xml: string, at = new Date()): { xml: string; timbre: Timbre } {
  const selloCfd = /\sSello="([^"]*)"/.exec(xml)?.[1] ?? '';
  const timbre: Timbre = {
    uuid: randomUUID().toUpperCase(),
    fechaTimbrado: mexicoCityDateTime(at),
    selloCfd,
    selloSat: randomBytes(256).toString('base64'),
  };
  const tfd =
    `<tfd:TimbreFiscalDigital xmlns:tfd="${TFD_NAMESPACE}" xsi:schemaLocation="${TFD_SCHEMA}" Version="1.1"` +
    ` UUID="${timbre.uuid}" FechaTimbrado="${timbre.fechaTimbrado}" RfcProvCertif="${RFC_PROV_CERTIF}"` +
    ` SelloCFD="${selloCfd}" NoCertificadoSAT="${NO_CERTIFICADO_SAT}" SelloSAT="${timbre.selloSat}"/>`;
  const stamped = xml.includes('</cfdi:Complemento>')
    ? xml.replace('</cfdi:Complemento>', `${tfd}</cfdi:Complemento>`)
    : xml.replace('</cfdi:Comprobante>', `<cfdi:Complemento>${tfd}</cfdi:Complemento></cfdi:Comprobante>`);
  return { xml: stamped, timbre };
}

/** The text fields of a multipart/form-data body (enough for SW's single `xml` file field). */
export function parseMultipart(body: Buffer, contentType: string | undefined): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return {};
  const fields: Record<string, string> = {};
  for (const part of body.toString('utf8').split(`--${delimiter}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, headerEnd))?.[1];
    if (name !== undefined) fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  return fields;
}

function swError(status: number, message: string, messageDetail: string | null = null, data: unknown = null) {
  return { status, body: { status: 'error', message, messageDetail, data } };
}

interface Document {
  xml: string;
  timbre: Timbre;
  issuerRfc: string;
  noCertificado: string;
  cancelled: boolean;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeSwPac(options: FakeSwOptions = {}): Promise<FakeSwPac> {
  const user = options.user ?? 'demo';
  const password = options.password ?? '123456789';
  const lifetime = options.tokenLifetimeSeconds ?? 7200;
  const tokens = new Set(options.fixedTokens ?? []);
  const byHash = new Map<string, Document>();
  const byUuid = new Map<string, Document>();
  const stamped = new Map<string, string>();
  const requests: RecordedSwRequest[] = [];
  let nextFailure: FakeSwReply | null = null;
  let nextRejection: { code: string; message: string } | null = null;
  let lose: { method?: string; path?: string } | null = null;
  let outage: 'unavailable' | 'hang' | null = null;

  function v4Data(document: Document) {
    const { timbre } = document;
    return {
      cadenaOriginalSAT: `||1.1|${timbre.uuid}|${timbre.fechaTimbrado}|${RFC_PROV_CERTIF}|${timbre.selloCfd}|${NO_CERTIFICADO_SAT}||`,
      noCertificadoSAT: NO_CERTIFICADO_SAT,
      noCertificadoCFDI: document.noCertificado,
      uuid: timbre.uuid,
      selloSAT: timbre.selloSat,
      selloCFDI: timbre.selloCfd,
      fechaTimbrado: timbre.fechaTimbrado,
      qrCode: randomBytes(32).toString('base64'),
      cfdi: document.xml,
    };
  }

  function authenticate(headers: IncomingHttpHeaders): FakeSwReply {
    if (headers.user !== user || headers.password !== password) {
      return swError(
        401,
        'AU2000 - El usuario y/o contraseña son inválidos, no se puede autenticar el servicio.',
      );
    }
    const token = randomBytes(24).toString('base64url');
    tokens.add(token);
    return {
      status: 200,
      body: {
        status: 'success',
        data: { token, expires_in: Math.floor(Date.now() / 1000) + lifetime, tokeny_type: 'bearer' },
      },
    };
  }

  function stamp(xml: string | undefined): FakeSwReply {
    if (!xml?.includes('<cfdi:Comprobante') || !/\sVersion="4\.0"/.test(xml)) {
      return swError(400, '301 - XML mal formado.', 'El archivo no es un CFDI 4.0.');
    }
    if (!/\sSello="[A-Za-z0-9+/=]+"/.test(xml)) {
      return swError(
        400,
        '302 - Sello mal formado o inválido.',
        'El comprobante no trae el sello del emisor.',
      );
    }
    const hash = createHash('sha256').update(xml).digest('hex');
    const previous = byHash.get(hash);
    if (previous)
      return swError(400, '307. El comprobante contiene un timbre previo.', null, v4Data(previous));
    if (nextRejection) {
      const { code, message } = nextRejection;
      nextRejection = null;
      return swError(400, `${code} - ${message}`);
    }
    const { xml: stampedXml, timbre } = addTimbreFiscalDigital(xml);
    const document: Document = {
      xml: stampedXml,
      timbre,
      issuerRfc: /<cfdi:Emisor\s[^>]*Rfc="([^"]+)"/.exec(xml)?.[1] ?? '',
      noCertificado: /\sNoCertificado="([^"]*)"/.exec(xml)?.[1] ?? '',
      cancelled: false,
    };
    byHash.set(hash, document);
    byUuid.set(timbre.uuid, document);
    stamped.set(timbre.uuid, stampedXml);
    return { status: 200, body: { status: 'success', data: v4Data(document) } };
  }

  function cancel(segments: string[]): FakeSwReply {
    const [rfc = '', uuid = '', motivo = '', folio = ''] = segments.map(decodeURIComponent);
    const document = byUuid.get(uuid.toUpperCase());
    if (!['01', '02', '03', '04'].includes(motivo)) {
      return swError(400, 'CACFDI33 - El motivo de cancelación no es válido.', `Motivo "${motivo}".`);
    }
    if (motivo === '01' && !folio) {
      return swError(400, 'CACFDI33 - Con motivo 01 el folio de sustitución es obligatorio.');
    }
    if (!document || document.issuerRfc !== rfc) {
      return { status: 200, body: { status: 'success', data: { acuse: null, uuid: { [uuid]: '205' } } } };
    }
    const satCode = document.cancelled ? '202' : '201';
    document.cancelled = true;
    const acuse =
      `<?xml version="1.0" encoding="utf-8"?><Acuse Fecha="${mexicoCityDateTime(new Date())}" RfcEmisor="${rfc}">` +
      `<Folios xmlns="http://cancelacfd.sat.gob.mx"><UUID>${uuid.toUpperCase()}</UUID>` +
      `<EstatusUUID>${satCode}</EstatusUUID></Folios></Acuse>`;
    return {
      status: 200,
      body: { status: 'success', data: { acuse, uuid: { [uuid.toUpperCase()]: satCode } } },
    };
  }

  function answer(recorded: RecordedSwRequest): FakeSwReply | undefined {
    if (outage === 'hang') return undefined;
    if (outage === 'unavailable') return { status: 503, body: 'Service Unavailable' };
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = null;
      return failure;
    }
    const { path, headers } = recorded;
    if (recorded.method !== 'POST') return swError(405, 'Método no permitido.');
    if (path === '/security/authenticate') return authenticate(headers);
    const token = /^bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) {
      return swError(401, 'AU4101 - El token proporcionado no es válido o ha expirado.');
    }
    if (path === '/cfdi33/stamp/v4') return stamp(recorded.fields.xml);
    if (path.startsWith('/cfdi33/cancel/')) return cancel(path.slice('/cfdi33/cancel/'.length).split('/'));
    return swError(404, 'Recurso no encontrado.');
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedSwRequest = {
        method: request.method ?? '',
        path: new URL(request.url ?? '/', 'http://fake').pathname,
        headers: request.headers,
        fields: parseMultipart(Buffer.concat(chunks), request.headers['content-type']),
      };
      requests.push(recorded);
      const reply = answer(recorded);
      const lost =
        lose !== null &&
        (lose.method === undefined || lose.method === recorded.method) &&
        (lose.path === undefined || lose.path === recorded.path);
      if (lost) lose = null;
      if (!reply || lost) return; // never answered: the client must give up on its own
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? '');
      response.writeHead(reply.status, {
        'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stamped,
    failNext(reply) {
      nextFailure = reply;
    },
    rejectNextWith(code, message) {
      nextRejection = { code, message };
    },
    loseNextResponse(which = {}) {
      lose = which;
    },
    down(mode = 'unavailable') {
      outage = mode;
    },
    up() {
      outage = null;
    },
    revokeTokens() {
      for (const token of tokens) if (!options.fixedTokens?.includes(token)) tokens.delete(token);
    },
    close() {
      server.closeAllConnections(); // drops the requests left hanging on purpose
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

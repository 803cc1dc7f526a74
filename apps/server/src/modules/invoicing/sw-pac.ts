import {
  type CancelRequest,
  type CancelResult,
  needsReceptorAcceptance,
  type Pac,
  PacError,
  type PacErrorField,
  receptorErrorField,
  type StampedCfdi,
  type StampRequest,
} from './pac.js';

/**
 * The PAC that stamps the XML we build and seal, on SW sapien's REST API (BILLING.md §PAC adapters):
 * a token from `POST /security/authenticate`, the sealed XML to `POST /cfdi33/stamp/v4` (that path
 * serves CFDI 4.0 too; "v4" is the answer's shape: the stamped XML and the TFD's values), and
 * cancellation by UUID with the CSD the account keeps at SW. Wire format as in SW's SDKs
 * (github.com/lunasoft/sw-sdk-nodejs, sw-sdk-java).
 */
export type SwPacOptions = {
  /** e.g. https://services.sw.com.mx, or http://services.test.sw.com.mx (SW's test environment). */
  url: string;
  /** How long one request may take before the PAC counts as unavailable (default 30 s). */
  timeoutMs?: number;
  /** The clock the token's expiry is read against. */
  now?: () => Date;
} & ({ user: string; password: string } | { token: string });

/** SW's JSend-like envelope: `status` success or error, `message`/`messageDetail` on errors. */
interface SwBody {
  status?: unknown;
  message?: unknown;
  messageDetail?: unknown;
  data?: unknown;
}

interface SwAnswer {
  httpStatus: number;
  body: SwBody;
}

interface StampData {
  cfdi: string;
  uuid?: unknown;
  fechaTimbrado?: unknown;
}

/** A token SW accepts; `renew` gets another after a 401, or null when there is no other to get. */
interface TokenSource {
  current(): Promise<string>;
  renew(): Promise<string | null>;
}

// SAT's receptor codes in words the customer can act on (BILLING.md: "in plain words with the field
// to fix"); SAT's own text, which SW passes on, names XML attributes instead.
const RECEPTOR_FIXES: Readonly<Record<PacErrorField, string>> = {
  rfc: 'El SAT no encuentra tu RFC entre los contribuyentes registrados. Escríbelo como aparece en tu Constancia de Situación Fiscal.',
  legalName:
    'El nombre o razón social no coincide con el que el SAT tiene para tu RFC. Escríbelo exactamente como en tu Constancia de Situación Fiscal, sin el régimen societario (p. ej. sin "S.A. de C.V.").',
  postalCode:
    'El código postal no coincide con el de tu domicilio fiscal en el SAT. Usa el que aparece en tu Constancia de Situación Fiscal.',
  taxRegime:
    'El régimen fiscal no corresponde a tu RFC según el SAT. Elige el régimen que aparece en tu Constancia de Situación Fiscal.',
  cfdiUse: 'El uso del CFDI no es válido para tu régimen fiscal. Elige un uso compatible con tu régimen.',
};

/** SW's tokens last 2 h; used when an answer does not say. */
const DEFAULT_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Renewed this much before it expires, so a token never runs out in the middle of a request. */
const TOKEN_MARGIN_MS = 60 * 1000;

export function createSwPac(options: SwPacOptions): Pac {
  const baseUrl = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => new Date());

  async function send(path: string, init: { headers: Record<string, string>; body?: FormData }) {
    let httpStatus: number;
    let text: string;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
      httpStatus = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new PacError(
        'unavailable',
        timedOut
          ? `SW no respondió en ${timeoutMs / 1000} s.`
          : `No se pudo conectar con SW: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    if (httpStatus >= 500) throw new PacError('unavailable', `SW no está disponible (HTTP ${httpStatus}).`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null) {
      throw new PacError('unavailable', `SW respondió algo que no es su JSON (HTTP ${httpStatus}).`);
    }
    return { httpStatus, body: body as SwBody } satisfies SwAnswer;
  }

  const tokens: TokenSource =
    'token' in options
      ? { current: async () => options.token, renew: async () => null }
      : passwordTokens(options.user, options.password);

  function passwordTokens(user: string, password: string): TokenSource {
    let cached: { token: string; expiresAt: number } | undefined;
    let inFlight: Promise<string> | undefined;

    async function authenticate(): Promise<string> {
      const answer = await send('/security/authenticate', { headers: { user, password } });
      const data = answer.body.data as { token?: unknown; expires_in?: unknown } | null | undefined;
      if (answer.httpStatus !== 200 || typeof data?.token !== 'string') {
        // Wrong credentials are the operator's to fix: the invoice waits, it is not the customer's fault.
        throw new PacError('unavailable', `SW no autenticó al usuario del PAC: ${describe(answer)}`);
      }
      cached = { token: data.token, expiresAt: expiryOf(data.expires_in) };
      return data.token;
    }

    // One authentication at a time, however many stamps wait for it.
    function fresh(): Promise<string> {
      inFlight ??= authenticate().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    }

    return {
      current: async () => (cached && now().getTime() < cached.expiresAt ? cached.token : fresh()),
      renew: async () => {
        cached = undefined;
        return fresh();
      },
    };
  }

  // SW's expires_in is the Unix time (seconds) the token stops working; a small number is read as a
  // lifetime in seconds instead, in case an answer gives that.
  function expiryOf(expiresIn: unknown): number {
    const seconds = Number(expiresIn);
    const expiresAt =
      !Number.isFinite(seconds) || seconds <= 0
        ? now().getTime() + DEFAULT_TOKEN_LIFETIME_MS
        : seconds > 1e9
          ? seconds * 1000
          : now().getTime() + seconds * 1000;
    return expiresAt - TOKEN_MARGIN_MS;
  }

  /** A request with the bearer token; a 401 (token expired or revoked early) renews it once. */
  async function authorized(path: string, body?: FormData): Promise<SwAnswer> {
    const attempt = (token: string) =>
      send(path, { headers: { Authorization: `bearer ${token}` }, ...(body ? { body } : {}) });
    let answer = await attempt(await tokens.current());
    if (answer.httpStatus === 401) {
      const renewed = await tokens.renew();
      if (renewed) answer = await attempt(renewed);
    }
    if (answer.httpStatus === 401 || answer.httpStatus === 403) {
      throw new PacError('unavailable', `SW rechazó el token del PAC: ${describe(answer)}`);
    }
    return answer;
  }

  return {
    name: 'sealed-xml',
    sealsItself: false, // we build and seal; SW stamps our sealedXml

    async stamp(request: StampRequest): Promise<StampedCfdi> {
      if (!request.sealedXml) {
        throw new Error('The sealed-xml PAC stamps the XML we seal: StampRequest.sealedXml is missing');
      }
      const form = new FormData();
      form.append('xml', new Blob([request.sealedXml], { type: 'text/xml' }), 'xml');
      const answer = await authorized('/cfdi33/stamp/v4', form);
      const data = stampData(answer.body.data);
      if (answer.httpStatus === 200 && answer.body.status === 'success' && data) return stamped(data);
      throw stampError(answer, data);
    },

    async cancel(request: CancelRequest): Promise<CancelResult> {
      // SW's SDKs send an empty last segment when there is no replacement; so does this.
      const segments = [request.issuerRfc, request.uuid, request.motive, request.replacementUuid ?? ''];
      const answer = await authorized(`/cfdi33/cancel/${segments.map(encodeURIComponent).join('/')}`);
      const data = answer.body.data as { acuse?: unknown; uuid?: Record<string, unknown> } | null | undefined;
      if (answer.httpStatus !== 200 || answer.body.status !== 'success' || !data) {
        throw new PacError('rejected', `SW no pudo cancelar el CFDI: ${describe(answer)}`, {
          code: leadingCode(answer.body.message),
        });
      }
      const uuidCodes = data.uuid ?? {};
      const satCode = String(uuidCodes[request.uuid.toUpperCase()] ?? uuidCodes[request.uuid] ?? '');
      // SAT's EstatusUUID: 201 request received, 202 received before (a retried cancel); others refuse.
      if (satCode !== '201' && satCode !== '202') {
        throw new PacError('rejected', `El SAT no aceptó la solicitud de cancelación (código ${satCode}).`, {
          code: satCode,
        });
      }
      return {
        status: needsReceptorAcceptance(request) ? 'pending' : 'canceled',
        acuseXml: typeof data.acuse === 'string' ? data.acuse : null,
      };
    },
  };
}

function stampData(data: unknown): StampData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { cfdi } = data as { cfdi?: unknown };
  return typeof cfdi === 'string' && cfdi !== '' ? { ...(data as object), cfdi: xmlText(cfdi) } : undefined;
}

/** The stamp endpoints answer plain XML; their /b64 variants base64: accept either. */
function xmlText(cfdi: string): string {
  return cfdi.trimStart().startsWith('<') ? cfdi : Buffer.from(cfdi, 'base64').toString('utf8');
}

function stamped(data: StampData): StampedCfdi {
  const uuid =
    typeof data.uuid === 'string' && data.uuid
      ? data.uuid
      : (/<tfd:TimbreFiscalDigital\b[^>]*\sUUID="([^"]+)"/.exec(data.cfdi)?.[1] ?? '');
  if (!uuid) throw new PacError('unavailable', 'SW respondió sin el UUID del timbre.');
  return {
    uuid: uuid.toUpperCase(),
    xml: data.cfdi,
    stampedAt: stampedAt(data.fechaTimbrado),
    pacDocumentId: null,
  };
}

// FechaTimbrado is Mexico City's local time without a zone; Mexico City has kept UTC-6 all year since
// it dropped daylight saving time in 2022.
function stampedAt(fechaTimbrado: unknown): Date {
  const at =
    typeof fechaTimbrado === 'string'
      ? new Date(`${fechaTimbrado.slice(0, 19)}-06:00`)
      : new Date(Number.NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

function stampError(answer: SwAnswer, data: StampData | undefined): PacError {
  const message = typeof answer.body.message === 'string' ? answer.body.message : '';
  // "307. El comprobante contiene un timbre previo.": this XML was stamped before (a retry after a
  // lost answer); the v4 answer then carries the first stamp in `data`.
  if (/^307\b/.test(message)) {
    return new PacError('already_stamped', 'SW ya había timbrado este CFDI (timbre previo).', {
      code: '307',
      stampedXml: data?.cfdi,
    });
  }
  const text = `${message} ${String(answer.body.messageDetail ?? '')}`;
  const code = /CFDI4\d{4}/.exec(text)?.[0];
  const field = receptorErrorField(code, text);
  if (code && field) return new PacError('rejected', RECEPTOR_FIXES[field], { code, field });
  return new PacError('rejected', `SW no timbró el CFDI: ${describe(answer)}`, {
    code: code ?? leadingCode(message),
  });
}

/** SW's messages start with their code: "302 - Sello mal formado…", "CFDI40145 - …", "AU4101 - …". */
function leadingCode(message: unknown): string | undefined {
  return typeof message === 'string' ? /^([A-Z]*\d+)\b/.exec(message)?.[1] : undefined;
}

function describe(answer: SwAnswer): string {
  const parts = [answer.body.message, answer.body.messageDetail].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return parts.length > 0 ? parts.join(' — ') : `HTTP ${answer.httpStatus}`;
}

/**
 * SAT cancels at once, with no acceptance from the receptor, a CFDI of up to $1,000 or one issued to
 * público en general (BILLING.md, RMF 2.7.1.35); otherwise the receptor has 3 business days. The
 * request carries neither the CFDI's type (egresos need no acceptance) nor its date (cancelled by the
 * next day needs none), so those count as pending: silence ends as cancelled, never the reverse.
 */

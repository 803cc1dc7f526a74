import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for SAT's ConsultaCFDIService.svc that speaks its wire format: SOAP 1.1 in, the
 * WCF-serialised Acuse out. Answers from a table keyed by UUID; can be told to fail.
 */

export interface FakeSatCfdi {
  Estado: 'Vigente' | 'Cancelado';
  EsCancelable?: string | null;
  /** null → i:nil, '' → empty element (SAT uses both while nobody asked to cancel). */
  EstatusCancelacion?: string | null;
  ValidacionEFOS?: string | null;
  /** When set, the expression must carry these exact values, as SAT requires, or it is "not found". */
  expect?: { re?: string; rr?: string; tt?: string };
}

export type FakeSatFailure = 'http500' | 'hang' | 'fault' | 'garbage' | null;

export interface RecordedSatRequest {
  method: string;
  soapAction: string | undefined;
  contentType: string | undefined;
  body: string;
  /** The expresionImpresa text, CDATA unwrapped. */
  expression: string;
  /** re, rr, tt, id, fe as they appear in the expression ("&amp;" in an RFC decoded). */
  params: Record<string, string>;
}

export interface FakeSatStatusServer {
  url: string;
  requests: RecordedSatRequest[];
  setCfdi(uuid: string, cfdi: FakeSatCfdi): void;
  failWith(failure: FakeSatFailure): void;
  close(): Promise<void>;
}

const SOAP_ACTION = 'http://tempuri.org/IConsultaCFDIService/Consulta';
const FOUND = 'S - Comprobante obtenido satisfactoriamente.';
const NOT_FOUND = 'N - 602: Comprobante no encontrado.';
const INVALID_EXPRESSION = 'N - 601: La expresión impresa proporcionada no es válida.';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function field(name: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return `<a:${name} i:nil="true"/>`;
  return value === '' ? `<a:${name}/>` : `<a:${name}>${escapeXml(value)}</a:${name}>`;
}

/** The response body as WCF serialises it (no XML declaration, no whitespace). */
export function consultaResponseXml(acuse: {
  CodigoEstatus: string;
  EsCancelable?: string | null;
  Estado?: string | null;
  EstatusCancelacion?: string | null;
  ValidacionEFOS?: string | null;
}): string {
  return (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    '<ConsultaResponse xmlns="http://tempuri.org/">' +
    '<ConsultaResult xmlns:a="http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio" ' +
    'xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
    field('CodigoEstatus', acuse.CodigoEstatus) +
    field('EsCancelable', acuse.EsCancelable) +
    field('Estado', acuse.Estado) +
    field('EstatusCancelacion', acuse.EstatusCancelacion) +
    field('ValidacionEFOS', acuse.ValidacionEFOS) +
    '</ConsultaResult></ConsultaResponse></s:Body></s:Envelope>'
  );
}

export function soapFaultXml(faultCode: string, faultString: string): string {
  return (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
    '<faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">' +
    `${faultCode}</faultcode><faultstring xml:lang="es-MX">${escapeXml(faultString)}</faultstring>` +
    '</s:Fault></s:Body></s:Envelope>'
  );
}

function readExpression(body: string): string | undefined {
  const match = /<(?:[\w.-]+:)?expresionImpresa>([\s\S]*?)<\/(?:[\w.-]+:)?expresionImpresa>/.exec(body);
  if (!match) return undefined;
  const inner = match[1] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
  if (cdata) return cdata[1] ?? '';
  return inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function readParams(expression: string): Record<string, string> {
  const params: Record<string, string> = {};
  // "&amp;" belongs to an RFC, only a bare "&" separates parameters.
  for (const match of expression.matchAll(/(?:^|[?&])(re|rr|tt|id|fe)=((?:&amp;|[^&])*)/g)) {
    params[match[1] as string] = (match[2] ?? '').replace(/&amp;/g, '&');
  }
  return params;
}

function fakeReply(status: number, xml: string): FakeReply {
  return { status, xml };
}

interface FakeReply {
  status: number;
  xml: string;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeSatStatusServer(): Promise<FakeSatStatusServer> {
  const table = new Map<string, FakeSatCfdi>();
  const requests: RecordedSatRequest[] = [];
  let failure: FakeSatFailure = null;

  /** What SAT would answer; undefined leaves the request hanging. */
  function answer(request: IncomingMessage, body: string): FakeReply | undefined {
    const expression = readExpression(body) ?? '';
    const params = readParams(expression);
    const soapAction = request.headers.soapaction as string | undefined;
    requests.push({
      method: request.method ?? '',
      soapAction,
      contentType: request.headers['content-type'],
      body,
      expression,
      params,
    });
    if (failure === 'hang') return undefined; // never answers; the client must time out
    if (failure === 'http500') return fakeReply(500, 'Internal Server Error');
    if (failure === 'garbage') return fakeReply(200, '<html><body>Servicio no disponible</body></html>');
    if (failure === 'fault') {
      return fakeReply(500, soapFaultXml('a:InternalServiceFault', 'Error interno del servicio.'));
    }
    if (soapAction?.replace(/"/g, '') !== SOAP_ACTION) {
      return fakeReply(500, soapFaultXml('a:ActionNotSupported', `Acción no soportada: ${soapAction}`));
    }
    if (!params.id || !params.re || !params.rr || !params.tt) {
      return fakeReply(200, consultaResponseXml({ CodigoEstatus: INVALID_EXPRESSION }));
    }
    const cfdi = table.get(params.id.toUpperCase());
    const matches =
      cfdi !== undefined &&
      (cfdi.expect?.re === undefined || cfdi.expect.re === params.re) &&
      (cfdi.expect?.rr === undefined || cfdi.expect.rr === params.rr) &&
      (cfdi.expect?.tt === undefined || cfdi.expect.tt === params.tt);
    if (!cfdi || !matches) {
      return fakeReply(200, consultaResponseXml({ CodigoEstatus: NOT_FOUND, Estado: 'No Encontrado' }));
    }
    return fakeReply(
      200,
      consultaResponseXml({
        CodigoEstatus: FOUND,
        EsCancelable: cfdi.EsCancelable === undefined ? 'Cancelable sin aceptación' : cfdi.EsCancelable,
        Estado: cfdi.Estado,
        EstatusCancelacion: cfdi.EstatusCancelacion === undefined ? '' : cfdi.EstatusCancelacion,
        ValidacionEFOS: cfdi.ValidacionEFOS === undefined ? '200' : cfdi.ValidacionEFOS,
      }),
    );
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = answer(request, Buffer.concat(chunks).toString('utf8'));
      if (!answered) return;
      response.writeHead(answered.status, { 'Content-Type': 'text/xml; charset=utf-8' });
      response.end(answered.xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/ConsultaCFDIService.svc`,
    requests,
    setCfdi(uuid, cfdi) {
      table.set(uuid.toUpperCase(), cfdi);
    },
    failWith(next) {
      failure = next;
    },
    close() {
      server.closeAllConnections(); // drops the requests left hanging on purpose
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeSatStatusServer,
  startFakeSatStatusServer,
} from '../../../test/fakes/fake-sat-status-server.js';
import { type CfdiStatusQuery, SatUnavailableError } from './cfdi-status.js';
import { buildConsultaExpression, createSoapSatStatusClient } from './cfdi-status-soap-client.js';

const CHECKED_AT = new Date('2026-11-03T17:00:00Z');
const SELLO = 'F3H4qB0dZr1c8C0lSx0oq6ax0A+0ssnX4aSx3U7hHl4P0w0hTF5Q0Az/OAgdg==';

function query(uuid: string, overrides: Partial<CfdiStatusQuery> = {}): CfdiStatusQuery {
  return {
    issuerRfc: 'EKU9003173C9',
    receiverRfc: 'XAXX010101000',
    total: '1160.00',
    uuid,
    sello: SELLO,
    ...overrides,
  };
}

async function expectUnavailable(promise: Promise<unknown>, kind: SatUnavailableError['kind']) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SatUnavailableError);
  expect((error as SatUnavailableError).kind).toBe(kind);
  expect((error as SatUnavailableError).message).toMatch(/no verificado/);
  return error as SatUnavailableError;
}

describe('SOAP client of SAT’s ConsultaCFDIService', () => {
  let sat: FakeSatStatusServer;
  const client = () => createSoapSatStatusClient({ url: sat.url, timeoutMs: 2_000, now: () => CHECKED_AT });

  beforeAll(async () => {
    sat = await startFakeSatStatusServer();
  });
  afterAll(async () => sat.close());
  beforeEach(() => {
    sat.failWith(null);
    sat.requests.length = 0;
  });

  it('reports a vigente CFDI, how it could be cancelled and that nobody asked to', async () => {
    sat.setCfdi('11111111-2222-4333-8444-555555555555', {
      Estado: 'Vigente',
      EsCancelable: 'Cancelable con aceptación',
      EstatusCancelacion: null,
      ValidacionEFOS: '200',
    });
    expect(await client().check(query('11111111-2222-4333-8444-555555555555'))).toEqual({
      checked: true,
      document: 'vigente',
      cancellable: 'cancelable_con_aceptacion',
      cancellation: 'none',
      efos: 'efos_200',
      rawCode: 'S - Comprobante obtenido satisfactoriamente.',
      checkedAt: CHECKED_AT,
    });
  });

  it('reports a cancelled CFDI with how its cancellation ended', async () => {
    sat.setCfdi('22222222-2222-4333-8444-555555555555', {
      Estado: 'Cancelado',
      EsCancelable: 'Cancelable con aceptación',
      EstatusCancelacion: 'Plazo vencido',
    });
    const outcome = await client().check(query('22222222-2222-4333-8444-555555555555'));
    expect(outcome).toMatchObject({ checked: true, document: 'cancelado', cancellation: 'plazo_vencido' });
  });

  it('says no_encontrado when SAT answers "N - 602: Comprobante no encontrado"', async () => {
    const outcome = await client().check(query('33333333-2222-4333-8444-555555555555'));
    expect(outcome).toEqual({
      checked: true,
      document: 'no_encontrado',
      cancellable: 'unknown',
      cancellation: 'unknown',
      efos: 'unknown',
      rawCode: 'N - 602: Comprobante no encontrado.',
      checkedAt: CHECKED_AT,
    });
  });

  it('says no_encontrado when the total does not match what SAT has', async () => {
    sat.setCfdi('44444444-2222-4333-8444-555555555555', { Estado: 'Vigente', expect: { tt: '1160.0' } });
    const ok = await client().check(query('44444444-2222-4333-8444-555555555555'));
    const wrongTotal = await client().check(
      query('44444444-2222-4333-8444-555555555555', { total: '1160.01' }),
    );
    expect(ok).toMatchObject({ document: 'vigente' });
    expect(wrongTotal).toMatchObject({ document: 'no_encontrado' });
  });

  it('flags an issuer on the 69-B list (ValidacionEFOS 100)', async () => {
    sat.setCfdi('55555555-2222-4333-8444-555555555555', { Estado: 'Vigente', ValidacionEFOS: '100' });
    const outcome = await client().check(query('55555555-2222-4333-8444-555555555555'));
    expect(outcome).toMatchObject({ checked: true, document: 'vigente', efos: 'efos_100' });
  });

  it('says unknown for texts SAT has never sent before instead of guessing', async () => {
    sat.setCfdi('66666666-2222-4333-8444-555555555555', {
      Estado: 'Vigente',
      EsCancelable: 'Cancelable en otra forma',
      EstatusCancelacion: 'En revisión',
      ValidacionEFOS: '999',
    });
    const outcome = await client().check(query('66666666-2222-4333-8444-555555555555'));
    expect(outcome).toMatchObject({ cancellable: 'unknown', cancellation: 'unknown', efos: 'unknown' });
  });

  it('posts SOAP 1.1 with SAT’s action and the expression re, rr, tt, id, fe in CDATA', async () => {
    await client().check(
      query('CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC', {
        issuerRfc: 'h&e951128469',
        receiverRfc: 'ÑAÑA010101AB1',
      }),
    );
    const [request] = sat.requests;
    expect(request?.method).toBe('POST');
    expect(request?.soapAction).toBe('"http://tempuri.org/IConsultaCFDIService/Consulta"');
    expect(request?.contentType).toBe('text/xml; charset=utf-8');
    expect(request?.expression).toBe(
      '?re=H&amp;E951128469&rr=ÑAÑA010101AB1&tt=1160.0&id=CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC&fe=/OAgdg==',
    );
    expect(request?.params).toEqual({
      re: 'H&E951128469',
      rr: 'ÑAÑA010101AB1',
      tt: '1160.0',
      id: 'CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC',
      fe: '/OAgdg==',
    });
    expect(request?.body).toContain('<tem:Consulta><tem:expresionImpresa><![CDATA[?re=');
  });

  it('formats tt as the CFDI 4.0 QR does, exactly (no floats)', () => {
    const tt = (total: string) =>
      /&tt=([^&]*)/.exec(
        buildConsultaExpression(query('CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC', { total })),
      )?.[1];
    expect(tt('1160.00')).toBe('1160.0');
    expect(tt('0.10')).toBe('0.1');
    expect(tt('12345678901234567.123456')).toBe('12345678901234567.123456');
    expect(tt('2010.010000')).toBe('2010.01');
  });

  it('leaves fe out when the sello is not known', () => {
    const expression = buildConsultaExpression(
      query('CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC', { sello: undefined }),
    );
    expect(expression).toBe(
      '?re=EKU9003173C9&rr=XAXX010101000&tt=1160.0&id=CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC',
    );
  });

  it('does not call SAT with data it would reject, and says why', async () => {
    const outcome = await client().check(query('not-a-uuid]]><x>'));
    expect(outcome).toEqual({
      checked: false,
      reason: 'Dato del CFDI no válido para consultar al SAT: UUID.',
    });
    expect(sat.requests).toHaveLength(0);
  });

  it('throws SatUnavailableError on HTTP 500', async () => {
    sat.failWith('http500');
    const error = await expectUnavailable(
      client().check(query('11111111-2222-4333-8444-555555555555')),
      'http_status',
    );
    expect(error.details.httpStatus).toBe(500);
  });

  it('throws SatUnavailableError on a SOAP fault', async () => {
    sat.failWith('fault');
    const error = await expectUnavailable(
      client().check(query('11111111-2222-4333-8444-555555555555')),
      'soap_fault',
    );
    expect(error.message).toContain('Error interno del servicio.');
  });

  it('throws SatUnavailableError when SAT does not answer in time', async () => {
    sat.failWith('hang');
    const slowSat = createSoapSatStatusClient({ url: sat.url, timeoutMs: 150 });
    await expectUnavailable(slowSat.check(query('11111111-2222-4333-8444-555555555555')), 'timeout');
  });

  it('throws SatUnavailableError on an answer that is not SAT’s (a proxy’s HTML page)', async () => {
    sat.failWith('garbage');
    await expectUnavailable(client().check(query('11111111-2222-4333-8444-555555555555')), 'bad_response');
  });

  it('throws SatUnavailableError when there is no connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createSoapSatStatusClient({ url: `http://127.0.0.1:${port}/ConsultaCFDIService.svc` });
    await expectUnavailable(offline.check(query('11111111-2222-4333-8444-555555555555')), 'network');
  });
});

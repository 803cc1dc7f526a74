import { randomUUID } from 'node:crypto';
import { attr, buildCfdi40, type CfdiInput, checkStamp, findTimbres, readXml } from '@cajachica/cfdi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeFacturapi, startFakeFacturapi } from '../../../test/helpers/fake-facturapi.js';
import {
  EMISOR,
  lateCancel,
  pacError,
  RECEPTOR,
  subscriptionIngreso,
} from '../../../test/helpers/pac-samples.js';
import { mexicoCityYear } from '../../platform/mexico-time.js';
import { createFacturapiPac } from './facturapi-pac.js';
import type { StampRequest } from './pac.js';

/** A monthly subscription paid by card: 1,499.00 + IVA, 100.00 off. */
const ingreso = (valorUnitario = '1499.00') =>
  subscriptionIngreso('1001', { unidad: 'Unidad de servicio', valorUnitario, descuento: '100.00' });

function stampRequest(cfdi: CfdiInput, invoiceId = `inv_${randomUUID()}`): StampRequest {
  return { invoiceId, cfdi, sealedXml: null, customerEmail: 'facturas@izcalli.example.mx' };
}

describe('Facturapi PAC (official SDK against a fake Facturapi)', () => {
  let facturapi: FakeFacturapi;
  const pac = (timeoutMs = 2_000) =>
    createFacturapiPac({ apiKey: facturapi.apiKey, baseUrl: facturapi.url, timeoutMs });

  beforeAll(async () => {
    facturapi = await startFakeFacturapi();
  });
  afterAll(async () => facturapi.close());
  beforeEach(() => {
    facturapi.up();
    facturapi.satUp();
    facturapi.requests.length = 0;
  });

  it('is the PAC that seals by itself: it gets the CFDI as data, not our sealed XML', () => {
    expect(pac()).toMatchObject({ name: 'facturapi', sealsItself: true });
  });

  it('creates the invoice from the CFDI input and returns the stamped XML Facturapi built', async () => {
    const request = stampRequest(ingreso());
    const stamped = await pac().stamp(request);

    const create = facturapi.requests.find((r) => r.method === 'POST' && r.path === '/invoices');
    expect(create?.headers.authorization).toBe(`Bearer ${facturapi.apiKey}`);
    expect(create?.body).toEqual({
      type: 'I',
      customer: {
        legal_name: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
        tax_id: 'MCI7306249Y1',
        tax_system: '603',
        address: { zip: '54700' },
        email: 'facturas@izcalli.example.mx',
      },
      items: [
        {
          quantity: 1,
          discount: 100,
          product: {
            description: 'Suscripción CajaChica, plan Equipo (junio)',
            product_key: '81112106',
            unit_key: 'E48',
            unit_name: 'Unidad de servicio',
            price: 1499,
            tax_included: false,
            taxability: '02',
            taxes: [{ type: 'IVA', factor: 'Tasa', rate: 0.16, withholding: false }],
          },
        },
      ],
      use: 'G03',
      payment_form: '04',
      payment_method: 'PUE',
      export: '01',
      currency: 'MXN',
      address: { zip: '86000' },
      series: 'CC',
      folio_number: 1001,
      external_id: request.invoiceId,
      idempotency_key: request.invoiceId,
    });

    const [invoice] = facturapi.invoices;
    expect(stamped).toEqual({
      uuid: invoice?.uuid?.toUpperCase(),
      xml: facturapi.xmlOf(invoice?.id ?? ''),
      stampedAt: new Date(invoice?.stamp?.date ?? ''),
      pacDocumentId: invoice?.id,
    });
    const root = readXml(stamped.xml);
    const [tfd] = findTimbres(root);
    expect(tfd && attr(tfd, 'UUID')).toBe(stamped.uuid);
    expect(stamped.uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(checkStamp(root).filter((finding) => finding.severity === 'error')).toEqual([]);
    // Facturapi computed the same amounts our builder does from the same input.
    expect(attr(root, 'Total')).toBe(attr(readXml(buildCfdi40(ingreso())), 'Total'));
    expect(attr(root, 'Total')).toBe('1622.84');
  });

  it('maps a nota de crédito (related UUID, no payment method) and a factura global (no taxes, exento)', async () => {
    const related = randomUUID().toUpperCase();
    const nota: CfdiInput = {
      ...ingreso('500.00'),
      serie: 'NC',
      folio: 'A-7', // Facturapi's folio_number is an integer: this one is left to its counter
      tipoDeComprobante: 'E',
      formaPago: '03',
      cfdiRelacionados: [{ tipoRelacion: '01', uuids: [related] }],
      receptor: { ...RECEPTOR, usoCfdi: 'G02' },
    };
    await pac().stamp(stampRequest(nota));
    const notaBody = facturapi.requests.at(-2)?.body as Record<string, unknown>;
    expect(notaBody).toMatchObject({
      type: 'E',
      use: 'G02',
      series: 'NC',
      related_documents: [{ relationship: '01', documents: [related] }],
    });
    expect(notaBody).not.toHaveProperty('payment_method');
    expect(notaBody).not.toHaveProperty('folio_number');

    const year = String(mexicoCityYear(new Date()));
    const global: CfdiInput = {
      fecha: '2026-06-30T20:00:00',
      tipoDeComprobante: 'I',
      formaPago: '01',
      metodoPago: 'PUE',
      lugarExpedicion: '86000',
      informacionGlobal: { periodicidad: '04', meses: '06', año: year },
      emisor: EMISOR,
      receptor: {
        rfc: 'XAXX010101000',
        nombre: 'PUBLICO EN GENERAL',
        domicilioFiscalReceptor: '86000',
        regimenFiscalReceptor: '616',
        usoCfdi: 'S01',
      },
      conceptos: [
        {
          claveProdServ: '01010101',
          cantidad: '1',
          claveUnidad: 'ACT',
          descripcion: 'Venta',
          valorUnitario: '240.00',
          objetoImp: '02',
          traslados: [{ impuesto: '002', tipoFactor: 'Exento' }],
        },
        {
          claveProdServ: '01010101',
          cantidad: '1',
          claveUnidad: 'ACT',
          descripcion: 'Venta',
          valorUnitario: '55.10',
          objetoImp: '01',
        },
      ],
    };
    const stamped = await pac().stamp(stampRequest(global));
    const globalBody = facturapi.requests.at(-2)?.body as { global: unknown; items: { product: unknown }[] };
    expect(globalBody.global).toEqual({ periodicity: 'month', months: '06', year: Number(year) });
    expect(globalBody.items.map((item) => item.product)).toMatchObject([
      { taxability: '02', taxes: [{ type: 'IVA', factor: 'Exento', rate: 0, withholding: false }] },
      { taxability: '01', taxes: [] },
    ]);
    expect(stamped.xml).toContain(`<cfdi:InformacionGlobal Periodicidad="04" Meses="06" Año="${year}"/>`);
    expect(attr(readXml(stamped.xml), 'Total')).toBe('295.10');
  });

  it('never stamps twice for one invoice: a retry finds the first document by external_id', async () => {
    const request = stampRequest(ingreso());
    const first = await pac().stamp(request);
    const before = facturapi.invoices.length;
    const again = await pac().stamp(request);

    expect(again).toEqual(first);
    expect(facturapi.invoices.length).toBe(before);
    expect(facturapi.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(
      facturapi.requests.filter((r) => r.path === '/invoices' && r.method === 'GET').at(-1)?.query,
    ).toEqual({
      external_id: request.invoiceId,
    });
  });

  it('a create whose answer was lost is unavailable, and its retry returns that same document', async () => {
    const request = stampRequest(ingreso());
    facturapi.loseNextResponse({ method: 'POST', path: '/invoices' });
    const lost = await pacError(pac(300).stamp(request));
    expect(lost.kind).toBe('unavailable');
    expect(lost.message).toMatch(/no respondió/);
    const created = facturapi.invoices.filter((invoice) => invoice.external_id === request.invoiceId);
    expect(created).toHaveLength(1); // the create went through at Facturapi

    const retried = await pac().stamp(request);
    expect(retried.pacDocumentId).toBe(created[0]?.id);
    expect(facturapi.invoices.filter((invoice) => invoice.external_id === request.invoiceId)).toHaveLength(1);
  });

  it('a repeated idempotency_key (409) resolves to the document the first request created', async () => {
    const request = stampRequest(ingreso());
    const first = await pac().stamp(request);
    // The lookup misses (e.g. Facturapi's search index lags), so the adapter creates again.
    facturapi.failNext({ status: 200, body: { page: 1, total_pages: 1, total_results: 0, data: [] } });
    const again = await pac().stamp(request);

    expect(again).toEqual(first);
    expect(facturapi.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/invoices',
      '/invoices',
    ]);
    expect(facturapi.invoices.filter((invoice) => invoice.external_id === request.invoiceId)).toHaveLength(1);
  });

  it('SAT down (202, status pending) is unavailable; once SAT is back the retry gets the stamp', async () => {
    const request = stampRequest(ingreso());
    facturapi.satDown();
    const pending = await pacError(pac().stamp(request));
    expect(pending.kind).toBe('unavailable');
    expect(facturapi.invoices.at(-1)).toMatchObject({ external_id: request.invoiceId, status: 'pending' });

    const stillPending = await pacError(pac().stamp(request));
    expect(stillPending.kind).toBe('unavailable');

    facturapi.satUp();
    const stamped = await pac().stamp(request);
    expect(stamped.uuid).toBe(facturapi.invoices.at(-1)?.uuid?.toUpperCase());
    expect(facturapi.invoices.filter((invoice) => invoice.external_id === request.invoiceId)).toHaveLength(1);
  });

  it('503s and a Facturapi that does not answer are unavailable', async () => {
    facturapi.down();
    const unavailable = await pacError(pac().stamp(stampRequest(ingreso())));
    expect(unavailable.kind).toBe('unavailable');
    expect(unavailable.message).toMatch(/HTTP 503/);

    facturapi.down('hang');
    const started = Date.now();
    const timedOut = await pacError(pac(300).stamp(stampRequest(ingreso())));
    expect(timedOut.kind).toBe('unavailable');
    expect(timedOut.message).toMatch(/no respondió en 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a wrong API key is unavailable (the operator fixes it), not the customer’s error', async () => {
    const error = await pacError(
      createFacturapiPac({ apiKey: 'sk_test_wrong', baseUrl: facturapi.url }).stamp(stampRequest(ingreso())),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/HTTP 401/);
  });

  it('SAT’s CFDI40145 is rejected with the field to fix and Facturapi’s Spanish message', async () => {
    const message =
      'El campo Nombre del receptor, debe pertenecer al nombre asociado al RFC registrado en el campo Rfc del Receptor.';
    facturapi.rejectNextWith('CFDI40145', message);
    const error = await pacError(pac().stamp(stampRequest(ingreso())));
    expect(error).toMatchObject({
      kind: 'rejected',
      message,
      details: { code: 'CFDI40145', field: 'legalName' },
    });
  });

  it('a receptor error without a SAT code is mapped by Facturapi’s error path', async () => {
    facturapi.rejectNextWith(
      '',
      'El código postal del cliente no corresponde al RFC.',
      'customer.address.zip',
    );
    const error = await pacError(pac().stamp(stampRequest(ingreso())));
    expect(error).toMatchObject({ kind: 'rejected', details: { field: 'postalCode' } });
  });

  it('cancels with motive 01 and the replacement UUID: over $1,000 it waits for the receptor', async () => {
    const replaced = await pac().stamp(stampRequest(ingreso()));
    const replacement = await pac().stamp(stampRequest(ingreso()));
    const result = await pac().cancel(
      lateCancel({
        uuid: replaced.uuid,
        pacDocumentId: replaced.pacDocumentId,
        total: '1622.84',
        motive: '01',
        replacementUuid: replacement.uuid,
      }),
    );

    expect(result).toEqual({ status: 'pending', acuseXml: null });
    const request = facturapi.requests.find((r) => r.method === 'DELETE');
    expect(request?.path).toBe(`/invoices/${replaced.pacDocumentId}`);
    expect(request?.query).toEqual({ motive: '01', substitution: replacement.uuid });
  });

  it('cancels with motive 02 at once up to $1,000, with SAT’s acuse; finds the document by UUID', async () => {
    const small = await pac().stamp(stampRequest(ingreso('199.00')));
    const result = await pac().cancel(lateCancel({ uuid: small.uuid, total: '114.84', motive: '02' }));

    expect(result.status).toBe('canceled');
    expect(result.acuseXml).toContain(`<UUID>${small.uuid}</UUID>`);
    expect(facturapi.requests.find((r) => r.method === 'GET' && r.query.uuid)?.query).toEqual({
      uuid: small.uuid,
    });
    expect(facturapi.requests.find((r) => r.method === 'DELETE')?.query).toEqual({ motive: '02' });
  });

  it('a cancellation Facturapi refuses is rejected with its message', async () => {
    const stamped = await pac().stamp(stampRequest(ingreso()));
    const error = await pacError(
      pac().cancel(
        lateCancel({
          uuid: stamped.uuid,
          pacDocumentId: stamped.pacDocumentId,
          total: '1622.84',
          motive: '01',
        }),
      ),
    );
    expect(error).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/motivo 01/) });
  });
});

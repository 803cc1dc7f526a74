import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oracleValidate,
  requireOracle,
} from '../../../../../packages/cfdi/src/cadena/sat-oracle.test-support.js';
import { TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { type FakeSwPac, startFakeSwPac } from '../../../test/helpers/fake-sw-pac.js';
import {
  invoicesOf,
  invoicesOnce,
  OWN_ISSUER_ENV,
  ownInvoicing,
  paidCustomer,
} from '../../../test/helpers/invoicing-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createInvoiceIssuer } from './invoice-issuer.js';
import { type Pac, PacError } from './pac.js';

describe('the platform invoices through a PAC that stamps our sealed XML (fake SW sapien on 127.0.0.1)', () => {
  let pac: FakeSwPac;
  let t: TestApp;
  beforeAll(async () => {
    requireOracle();
    pac = await startFakeSwPac({ user: 'cajachica', password: 'secreto-pac' });
    t = await buildTestApp('pglite', {
      CFDI_PAC: 'sealed-xml',
      PAC_URL: pac.url,
      PAC_USER: 'cajachica',
      PAC_PASSWORD: 'secreto-pac',
      ...OWN_ISSUER_ENV,
      JOBS_POLL_SECONDS: '0.5',
    });
  });
  afterAll(async () => {
    await t.close();
    await pac.close();
  });

  it("sends our sealed XML, keeps the PAC's stamp, and the result passes SAT's XSD", async () => {
    const owner = await paidCustomer(t);
    const [invoice] = await invoicesOnce(owner.client, 'stamped');
    expect(invoice?.uuid).toMatch(/^[0-9A-F-]{36}$/);
    const stamps = pac.requests.filter((request) => request.path === '/cfdi33/stamp/v4');
    expect(stamps.at(-1)?.fields.xml).toContain('Sello="');
    const xml = (await owner.client.get(`/api/v1/invoices/${invoice?.id}/xml`)).body;
    expect(xml).toContain('RfcProvCertif="SPR190613I52"');
    expect(oracleValidate(xml)).toMatchObject({ status: 0 });
  });

  it("shows SAT's refusal of the customer's name (CFDI40145) with the field to fix, and stamps once it is fixed", async () => {
    pac.rejectNextWith(
      'CFDI40145',
      'El campo Nombre del receptor, debe pertenecer al nombre asociado al RFC.',
    );
    const owner = await paidCustomer(t);
    const [rejected] = await invoicesOnce(owner.client, 'rejected');
    expect(rejected?.error).toMatchObject({ code: 'CFDI40145', field: 'legalName' });
    await owner.client.request('PUT', '/api/v1/organization/fiscal-data', {
      ...TEST_RECEIVER,
      legalName: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
    });
    const [stamped] = await invoicesOnce(owner.client, 'stamped');
    expect(stamped?.error).toBeNull();
  });

  it('keeps an invoice pending with the reason while the PAC is down, for the job to retry', async () => {
    const owner = await paidCustomer(t);
    const [stamped] = await invoicesOnce(owner.client, 'stamped');
    await t.database.db.execute(
      // Back to pending, as before its first attempt.
      sql`UPDATE invoices SET status = 'pending', uuid = NULL, xml = NULL, stamped_at = NULL WHERE id = ${stamped?.id}`,
    );
    const down: Pac = {
      name: 'sealed-xml',
      sealsItself: false,
      stamp: async () => {
        throw new PacError('unavailable', 'SAT no responde');
      },
      cancel: async () => ({ status: 'pending', acuseXml: null }),
    };
    const retried = createInvoiceIssuer({ ...ownInvoicing(t), pac: down });
    await expect(retried.issue(owner.organizationId, stamped?.id ?? '')).rejects.toThrow('SAT no responde');
    expect((await invoicesOf(owner.client))[0]).toMatchObject({
      status: 'pending',
      error: {
        code: 'PAC_UNAVAILABLE',
        message: 'El servicio de timbrado no respondió; lo intentamos de nuevo en unos minutos.',
      },
    });
  });
});

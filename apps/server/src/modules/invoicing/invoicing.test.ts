import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findTimbres, readXml, verifyTfdSeal } from '@cajachica/cfdi';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oracleRun,
  oracleValidate,
  requireOracle,
} from '../../../../../packages/cfdi/src/cadena/sat-oracle.test-support.js';
import { TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import {
  invoicesOf,
  invoicesOnce,
  ownInvoicing,
  paidCustomer,
} from '../../../test/helpers/invoicing-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { nextFolio } from './folios.js';
import { createGlobalInvoicing } from './global-invoice.js';
import { createInvoiceIssuer, ISSUE_INVOICE_JOB } from './invoice-issuer.js';
import type { Pac } from './pac.js';

const TEST_CSD_CER = readFileSync(
  path.join(process.cwd(), 'apps/server/assets/sat-test-csd/EKU9003173C9.cer'),
);

describe.each(testDatabaseKinds())(
  'the platform invoices each payment and refund on %s (sandbox PAC)',
  (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      requireOracle();
      t = await buildTestApp(kind, { JOBS_POLL_SECONDS: '0.5' });
    });
    afterAll(async () => t.close());
    const expectValidCfdi = (xml: string) => {
      expect(oracleValidate(xml)).toMatchObject({ status: 0 });
      expect(oracleRun('verify-sello.sh', xml)).toMatchObject({ status: 0 });
      const [timbre] = findTimbres(readXml(xml));
      if (!timbre) throw new Error('no TimbreFiscalDigital');
      expect(verifyTfdSeal(timbre, TEST_CSD_CER)).toEqual([]);
    };

    it("stamps an ingreso for a confirmed payment that passes SAT's XSD and whose seals verify, and emails it", async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      const [invoice] = await invoicesOnce(owner.client, 'stamped');
      expect(invoice).toMatchObject({
        kind: 'ingreso',
        total: owner.payment.total,
        uuid: expect.any(String),
      });
      const xml = await owner.client.get(`/api/v1/invoices/${invoice?.id}/xml`);
      expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(xml.body).toContain('TipoDeComprobante="I"');
      expect(xml.body).toContain('MetodoPago="PUE"');
      expect(xml.body).toContain('FormaPago="03"');
      expect(xml.body).toContain(`Rfc="${TEST_RECEIVER.rfc}"`);
      expect(xml.body).toContain('ClaveProdServ="81112106"');
      expect(xml.body).toContain(`Total="${owner.payment.total}"`);
      expectValidCfdi(xml.body);
      const pdf = await owner.client.get(`/api/v1/invoices/${invoice?.id}/pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const mail = await waitFor(
        async () =>
          t.mailer.sent.find(
            (sent) => sent.to === TEST_RECEIVER.invoiceEmail && sent.text.includes(invoice?.uuid ?? '?'),
          ),
        (found) => found !== undefined,
      );
      expect(mail?.attachments?.map((file) => file.contentType)).toEqual([
        'application/xml',
        'application/pdf',
      ]);
    });

    it('makes one CFDI of a payment however often its event arrives', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      const [first] = await invoicesOnce(owner.client, 'stamped');
      // The payment's event delivered again, twice at once (a redelivery after a crash), to an
      // issuer whose jobs run at once and whose PAC counts what it is asked to stamp.
      const own = ownInvoicing(t);
      const sandbox = own.pac;
      let stamps = 0;
      const countingPac: Pac = {
        ...sandbox,
        stamp: (request) => {
          stamps += 1;
          return sandbox.stamp(request);
        },
      };
      const issues: Promise<void>[] = [];
      const duplicate = createInvoiceIssuer({
        ...own,
        jobs: {
          register: () => {},
          schedule: () => {},
          send: async (name, data) => {
            const { organizationId, invoiceId } = data as { organizationId: string; invoiceId: string };
            if (name === ISSUE_INVOICE_JOB) issues.push(duplicate.issue(organizationId, invoiceId));
          },
        },
        pac: countingPac,
      });
      await Promise.all([
        duplicate.invoicePayment(owner.organizationId, owner.payment.id),
        duplicate.invoicePayment(owner.organizationId, owner.payment.id),
      ]);
      await Promise.all(issues);
      expect(issues).toHaveLength(2);
      expect(stamps).toBe(0);
      const rows = (await t.database.db.execute(
        sql`SELECT count(*)::int AS n, min(uuid) AS uuid FROM invoices WHERE payment_id = ${owner.payment.id}`,
      )) as unknown as { rows: { n: number; uuid: string }[] };
      expect(rows.rows).toEqual([{ n: 1, uuid: first?.uuid }]);
    });

    it('stamps a pending invoice once when two attempts run at the same time', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      const [first] = await invoicesOnce(owner.client, 'stamped');
      // Back to pending, as if the PAC's answer had been lost; two attempts race for it.
      await t.database.db.execute(
        sql`UPDATE invoices SET status = 'pending', uuid = NULL, stamped_at = NULL,
            xml = NULL WHERE id = ${first?.id}`,
      );
      const own = ownInvoicing(t);
      const sandbox = own.pac;
      let stamps = 0;
      const slowPac: Pac = {
        ...sandbox,
        stamp: async (request) => {
          stamps += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
          return sandbox.stamp(request);
        },
      };
      const racing = createInvoiceIssuer({ ...own, pac: slowPac });
      await Promise.all([
        racing.issue(owner.organizationId, first?.id ?? ''),
        racing.issue(owner.organizationId, first?.id ?? ''),
      ]);
      expect(stamps).toBe(1);
      expect((await invoicesOf(owner.client))[0]).toMatchObject({ status: 'stamped' });
    });

    it('finds a confirmed payment whose event was lost and invoices it', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      await invoicesOnce(owner.client, 'stamped');
      // As if the process had died between the payment's commit and its event.
      await t.database.db.execute(sql`DELETE FROM invoices WHERE payment_id = ${owner.payment.id}`);
      const sent: unknown[] = [];
      const sweeper = createInvoiceIssuer({
        ...ownInvoicing(t, () => new Date(t.clock.now.getTime() + 11 * 60 * 1000)),
        jobs: { register: () => {}, schedule: () => {}, send: async (_name, data) => void sent.push(data) },
      });
      await sweeper.sweep();
      expect(sent).toContainEqual({ organizationId: owner.organizationId, paymentId: owner.payment.id });
    });

    it('leaves a payment without fiscal data for the factura global and says so', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t, { withFiscalData: false });
      const [invoice] = await waitFor(
        () => invoicesOf(owner.client),
        (list) => list.length > 0,
      );
      expect(invoice).toMatchObject({ status: 'global', uuid: null });
      const xml = await owner.client.get(`/api/v1/invoices/${invoice?.id}/xml`);
      expect(xml.statusCode).toBe(409);
      expect(xml.json().detail).toMatch(/factura global del mes/);
    });

    it("issues the month's factura global to PUBLICO EN GENERAL with one concepto per payment, valid too", async () => {
      t.clock.now = new Date();
      const customers = [
        await paidCustomer(t, { withFiscalData: false }),
        await paidCustomer(t, { withFiscalData: false }),
      ];
      for (const customer of customers) await invoicesOnce(customer.client, 'global');
      const global = createGlobalInvoicing({
        ...ownInvoicing(t),
        nextFolio: (serie) => nextFolio(t.database.db, serie),
      });
      const period = mexicoCityDate(t.clock.now).slice(0, 7);
      const issued = await global.issueMonth(period);
      expect(issued).toMatchObject({ status: 'stamped', period });
      const xml = issued?.xml ?? '';
      expect(xml).toContain('Rfc="XAXX010101000"');
      expect(xml).toContain('Nombre="PUBLICO EN GENERAL"');
      expect(xml).toContain(`Meses="${period.slice(5)}"`);
      expect(xml).toContain('Periodicidad="04"');
      for (const customer of customers)
        expect(xml).toContain(`NoIdentificacion="${customer.payment.reference}"`);
      expectValidCfdi(xml);
      // Once a month: issuing it again answers the same CFDI.
      expect((await global.issueMonth(period))?.uuid).toBe(issued?.uuid);
    });

    it('issues the nota de crédito of a payment that went into the factura global to the general public, related to it', async () => {
      t.clock.now = new Date();
      const customer = await paidCustomer(t, { plan: 'annual', withFiscalData: false });
      await invoicesOnce(customer.client, 'global');
      const global = createGlobalInvoicing({
        ...ownInvoicing(t),
        nextFolio: (serie) => nextFolio(t.database.db, serie),
      });
      const period = mexicoCityDate(t.clock.now).slice(0, 7);
      const stampedGlobal = await global.issueMonth(period);
      expect((await customer.client.post('/api/v1/subscription/suspend', {})).statusCode).toBe(200);
      const list = await waitFor(
        () => invoicesOf(customer.client),
        (invoices) => invoices.some((invoice) => invoice.kind === 'egreso' && invoice.status === 'stamped'),
      );
      const egreso = list.find((invoice) => invoice.kind === 'egreso');
      expect(egreso).toMatchObject({ relatedUuid: stampedGlobal?.uuid, total: customer.payment.total });
      const xml = (await customer.client.get(`/api/v1/invoices/${egreso?.id}/xml`)).body;
      expect(xml).toContain('Rfc="XAXX010101000"');
      expect(xml).toContain('UsoCFDI="S01"');
      expect(xml).toContain(`Meses="${period.slice(5)}"`);
      expect(xml).toContain(`UUID="${stampedGlobal?.uuid}"`);
      expectValidCfdi(xml);
    });

    it('issues the nota de crédito of a refund, related 01 to the ingreso, and valid too', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t, { plan: 'annual' });
      const [ingreso] = await invoicesOnce(owner.client, 'stamped');
      expect((await owner.client.post('/api/v1/subscription/suspend', {})).statusCode).toBe(200);
      const list = await waitFor(
        () => invoicesOf(owner.client),
        (invoices) => invoices.some((invoice) => invoice.kind === 'egreso' && invoice.status === 'stamped'),
      );
      const egreso = list.find((invoice) => invoice.kind === 'egreso');
      expect(egreso).toMatchObject({ relatedUuid: ingreso?.uuid, total: owner.payment.total });
      const xml = (await owner.client.get(`/api/v1/invoices/${egreso?.id}/xml`)).body;
      expect(xml).toContain('TipoDeComprobante="E"');
      expect(xml).toContain('UsoCFDI="G02"');
      expect(xml).toContain(`TipoRelacion="01"`);
      expect(xml).toContain(`UUID="${ingreso?.uuid}"`);
      expectValidCfdi(xml);
    });

    it("keeps an invoice the PAC refused for the customer's data with the field to fix, and stamps it once fixed", async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      const [stamped] = await invoicesOnce(owner.client, 'stamped');
      // As SAT's CFDI40145 leaves it (the sandbox never refuses): rejected, the name to fix.
      await t.database.db.execute(
        sql`UPDATE invoices SET status = 'rejected', uuid = NULL, stamped_at = NULL, xml = NULL,
              error_code = 'CFDI40145', error_field = 'legalName',
              error_message = 'El nombre del receptor no corresponde al RFC.' WHERE id = ${stamped?.id}`,
      );
      expect((await invoicesOf(owner.client))[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'CFDI40145', field: 'legalName' },
      });
      const fixed = await owner.client.request('PUT', '/api/v1/organization/fiscal-data', {
        ...TEST_RECEIVER,
        legalName: 'MUNICIPIO DE CUAUTITLAN IZCALLI ESTADO DE MEXICO',
      });
      expect(fixed.statusCode).toBe(200);
      const [again] = await invoicesOnce(owner.client, 'stamped');
      expect(again?.error).toBeNull();
      const xml = (await owner.client.get(`/api/v1/invoices/${again?.id}/xml`)).body;
      expect(xml).toContain('Nombre="MUNICIPIO DE CUAUTITLAN IZCALLI ESTADO DE MEXICO"');
      expectValidCfdi(xml);
    });

    it('says plainly that the sandbox cannot issue once its test certificate expired (2027-05-18)', async () => {
      t.clock.now = new Date();
      const owner = await paidCustomer(t);
      const [invoice] = await invoicesOnce(owner.client, 'stamped');
      await t.database.db.execute(
        sql`UPDATE invoices SET status = 'pending', uuid = NULL, stamped_at = NULL, xml = NULL WHERE id = ${invoice?.id}`,
      );
      const later = new Date('2027-06-01T18:00:00Z');
      const expired = createInvoiceIssuer(ownInvoicing(t, () => later));
      await expired.issue(owner.organizationId, invoice?.id ?? '');
      expect((await invoicesOf(owner.client))[0]).toMatchObject({
        status: 'pending',
        error: {
          code: 'CSD_EXPIRED',
          message: expect.stringMatching(
            /^El certificado de pruebas del SAT \(EKU9003173C9\) ya no es vigente: El CSD 30001000000500003416 venció el /,
          ),
        },
      });
    });

    it('shows invoices to those who keep the books and to nobody else', async () => {
      const owner = await paidCustomer(t);
      expect((await owner.client.get('/api/v1/invoices')).statusCode).toBe(200);
      expect((await t.client().get('/api/v1/invoices')).statusCode).toBe(401);
      const other = await signUpVerifiedOwner(t);
      const [invoice] = await invoicesOnce(owner.client, 'stamped');
      expect((await other.client.get(`/api/v1/invoices/${invoice?.id}/xml`)).statusCode).toBe(404);
    });
  },
);

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oracleValidate,
  requireOracle,
} from '../../../../../packages/cfdi/src/cadena/sat-oracle.test-support.js';
import { signInOperator } from '../../../test/helpers/backoffice-flow.js';
import { invoicesOf, invoicesOnce, paidCustomer } from '../../../test/helpers/invoicing-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createOfflineSatStatusClient, type SatStatusClient } from '../../platform/sat/index.js';
import { createInvoiceCancellation } from './invoice-cancellation.js';
import { loadIssuer } from './issuer.js';
import { createSandboxPac } from './sandbox-pac.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())(
  'the operator cancels a CFDI on %s (sandbox PAC, SAT’s acceptance rules)',
  (kind) => {
    let t: TestApp;
    let operator: { client: TestClient };
    beforeAll(async () => {
      requireOracle();
      t = await buildTestApp(kind, { JOBS_POLL_SECONDS: '0.5' });
      operator = await signInOperator(t);
    });
    afterAll(async () => t.close());

    const cancel = (invoiceId: string, motive: string) =>
      operator.client.post(`/api/v1/backoffice/invoices/${invoiceId}/cancel`, { motive });

    it('cancels at once an invoice of up to $1,000 (motive 02), and refuses to cancel it twice', async () => {
      t.clock.now = new Date();
      const customer = await paidCustomer(t);
      const [invoice] = await invoicesOnce(customer.client, 'stamped');
      const response = await cancel(invoice?.id ?? '', '02');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'canceled', replacedBy: null });
      expect((await invoicesOf(customer.client))[0]).toMatchObject({ status: 'canceled' });
      const again = await cancel(invoice?.id ?? '', '02');
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('Solo se cancela una factura timbrada y vigente.');
    });

    it('waits for the receptor over $1,000 after the next business day; silence is acceptance', async () => {
      t.clock.now = new Date('2026-11-23T18:00:00Z'); // a Monday
      const customer = await paidCustomer(t, { plan: 'annual' });
      const [invoice] = await invoicesOnce(customer.client, 'stamped');
      t.clock.now = new Date('2026-11-26T18:00:00Z'); // Thursday: past Tuesday, the next business day
      operator = await signInOperator(t);
      const response = await cancel(invoice?.id ?? '', '03');
      expect(response.json()).toMatchObject({ status: 'cancel_pending' });
      // The morning job, days later, as SAT counts the receptor's silence.
      const issuer = loadIssuer(t.config.invoicing, t.clock.now);
      const later = new Date(Date.now() + 6 * DAY_MS);
      const settle = createInvoiceCancellation({
        db: t.database.db,
        jobs: { register: () => {}, schedule: () => {} },
        pac: createSandboxPac({ certificate: issuer.csd, now: () => later }),
        issuer,
        series: t.config.invoicing.series,
        satStatus: createOfflineSatStatusClient(),
        now: () => later,
        enqueueIssue: async () => {},
      });
      await settle.followCancellations();
      expect((await invoicesOf(customer.client)).find((row) => row.id === invoice?.id)).toMatchObject({
        status: 'canceled',
      });
    });

    it("follows a real PAC's pending cancellation at SAT: canceled when SAT says so, valid again when refused", async () => {
      t.clock.now = new Date();
      const customers = [
        await paidCustomer(t, { plan: 'annual' }),
        await paidCustomer(t, { plan: 'annual' }),
      ];
      const [accepted, refused] = await Promise.all(
        customers.map(async (customer) => (await invoicesOnce(customer.client, 'stamped'))[0]),
      );
      // As a sealed-XML PAC leaves them: waiting for the receptor.
      for (const invoice of [accepted, refused]) {
        await t.database.db.execute(
          sql`UPDATE invoices SET status = 'cancel_pending', cancel_motive = '02', pac = 'sealed-xml' WHERE id = ${invoice?.id}`,
        );
      }
      const asked: string[] = [];
      const sat: SatStatusClient = {
        async check(query) {
          asked.push(query.uuid);
          const isAccepted = query.uuid === accepted?.uuid;
          return {
            checked: true,
            document: isAccepted ? 'cancelado' : 'vigente',
            cancellable: 'cancelable_con_aceptacion',
            cancellation: isAccepted ? 'cancelado_con_aceptacion' : 'solicitud_rechazada',
            efos: 'efos_200',
            rawCode: 'S - Comprobante obtenido satisfactoriamente.',
            checkedAt: t.clock.now,
          };
        },
      };
      const issuer = loadIssuer(t.config.invoicing, t.clock.now);
      const follow = createInvoiceCancellation({
        db: t.database.db,
        jobs: { register: () => {}, schedule: () => {} },
        pac: createSandboxPac({ certificate: issuer.csd, now: () => t.clock.now }),
        issuer,
        series: t.config.invoicing.series,
        satStatus: sat,
        now: () => t.clock.now,
        enqueueIssue: async () => {},
      });
      await follow.followCancellations();
      expect(asked).toEqual(expect.arrayContaining([accepted?.uuid, refused?.uuid]));
      expect((await invoicesOf(customers[0]?.client as TestClient))[0]).toMatchObject({ status: 'canceled' });
      expect((await invoicesOf(customers[1]?.client as TestClient))[0]).toMatchObject({
        status: 'stamped',
        error: {
          code: 'CANCELLATION_REFUSED',
          message: 'El receptor rechazó la cancelación: el CFDI sigue vigente.',
        },
      });
    });

    it('substitutes with motive 01: the replacement is stamped first, related 04, then the original is canceled', async () => {
      t.clock.now = new Date();
      operator = await signInOperator(t);
      const customer = await paidCustomer(t);
      const [original] = await invoicesOnce(customer.client, 'stamped');
      const response = await cancel(original?.id ?? '', '01');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'stamped', replacedBy: expect.any(String) });
      const list = await waitFor(
        () => invoicesOf(customer.client),
        (rows) => rows.some((row) => row.id === original?.id && row.status === 'canceled'),
      );
      const replacement = list.find((row) => row.id === response.json().replacedBy);
      expect(replacement).toMatchObject({ status: 'stamped', relatedUuid: original?.uuid });
      const xml = (await customer.client.get(`/api/v1/invoices/${replacement?.id}/xml`)).body;
      expect(xml).toContain('TipoRelacion="04"');
      expect(xml).toContain(`UUID="${original?.uuid}"`);
      expect(oracleValidate(xml)).toMatchObject({ status: 0 });
    });

    it('refuses to cancel an invoice that is not stamped, and a motive SAT does not have', async () => {
      t.clock.now = new Date();
      operator = await signInOperator(t);
      const customer = await paidCustomer(t, { withFiscalData: false });
      const [global] = await invoicesOnce(customer.client, 'global');
      const response = await cancel(global?.id ?? '', '02');
      expect(response.statusCode).toBe(409);
      const bad = await cancel(global?.id ?? '', '05');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/Elige el motivo de cancelación del SAT/);
    });
  },
);

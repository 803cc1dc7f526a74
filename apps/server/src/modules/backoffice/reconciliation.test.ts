import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import {
  ownerWithPendingPayment,
  ownerWithPendingSpeiRefund,
  signInOperator,
} from '../../../test/helpers/backoffice-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import type { ReconciliationAlert } from './alert-sources.js';
import { createReconciliation, RECONCILIATION_ALERTS_JOB } from './reconciliation.js';

const OPERATOR_EMAIL = 'operaciones@cajachica.example.mx';
const HOUR_MS = 60 * 60 * 1000;

describe.each(testDatabaseKinds())('the daily reconciliation on %s', (kind) => {
  // Monthly $1,160.00 with IVA.
  const t = useTestApp(kind, { env: { PLAN_MONTHLY_PRICE: '1000.00', OPERATOR_EMAIL } });
  let reconciliation: ReturnType<typeof createReconciliation>;
  const scheduled: unknown[][] = [];
  beforeAll(async () => {
    // Its own instance, to run the morning job now instead of waiting for 08:00.
    reconciliation = createReconciliation({
      db: t.database.db,
      mailer: t.mailer,
      jobs: { register: () => {}, schedule: (...args) => void scheduled.push(args) },
      config: t.config,
      now: () => t.clock.now,
    });
  });

  /** The back office's alerts about one organization. */
  async function alertsOf(organizationId: string) {
    const operator = await signInOperator(t); // operator sessions last hours, the clock moves days
    const response = await operator.client.get('/api/v1/backoffice/alerts');
    expect(response.statusCode).toBe(200);
    return response
      .json<{ data: ReconciliationAlert[] }>()
      .data.filter((alert) => alert.organizationId === organizationId);
  }

  it('mails nothing on a day when every payment, refund and event is in order', async () => {
    expect(await reconciliation.mailDailyAlerts()).toBe(0);
    expect(t.mailer.sent.filter((mail) => mail.to === OPERATOR_EMAIL)).toEqual([]);
    expect(scheduled).toEqual([[RECONCILIATION_ALERTS_JOB, '0 8 * * *', 'America/Mexico_City']]);
  });

  it('shows a SPEI payment confirmed with more money than its total', async () => {
    t.clock.now = new Date();
    const owner = await ownerWithPendingPayment(t, { organizationName: 'Tlapalería Norte' });
    const operator = await signInOperator(t);
    const recorded = await operator.client.post(`/api/v1/backoffice/payments/${owner.payment.id}/transfers`, {
      amount: '1200.00',
      trackingKey: 'BNET01002601050099',
      receivedOn: '2026-01-05',
    });
    expect(recorded.json()).toMatchObject({ confirmed: true, payment: { amountReceived: '1200.00' } });
    expect(await alertsOf(owner.organizationId)).toEqual([
      {
        kind: 'payment_amount_mismatch',
        subjectId: owner.payment.id,
        organizationId: owner.organizationId,
        organizationName: 'Tlapalería Norte',
        message: `Pago ${owner.payment.reference} de Tlapalería Norte: se recibieron $1,200.00 de un total de $1,160.00; sobran $40.00. Devuelve la diferencia al cliente.`,
        since: expect.any(String),
      },
    ]);
  });

  it('shows money that arrived for a payment the customer replaced with another', async () => {
    const owner = await ownerWithPendingPayment(t, { organizationName: 'Taller Ríos' });
    const operator = await signInOperator(t);
    await operator.client.post(`/api/v1/backoffice/payments/${owner.payment.id}/transfers`, {
      amount: '300.00',
      trackingKey: 'BNET01002601050100',
      receivedOn: '2026-01-05',
    });
    await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'card' });
    expect(await alertsOf(owner.organizationId)).toMatchObject([
      {
        kind: 'money_on_closed_payment',
        subjectId: owner.payment.id,
        message: `Pago ${owner.payment.reference} de Taller Ríos está cancelado y se recibieron $300.00: devuelve la transferencia o regístrala en el pago pendiente de la organización.`,
      },
    ]);
  });

  it('shows a SPEI refund once it has waited more than 24 hours (test clock)', async () => {
    t.clock.now = new Date(); // the refund is stamped with the database's own time
    const owner = await ownerWithPendingSpeiRefund(t, 'Cocina Económica Rosa');
    // Its payment's CFDI has its own alert (the invoice job may not have run yet here).
    const refundAlerts = async () =>
      (await alertsOf(owner.organizationId)).filter((alert) => alert.kind !== 'payment_without_cfdi');
    t.clock.now = new Date(Date.now() + 23 * HOUR_MS);
    expect(await refundAlerts()).toEqual([]);
    t.clock.now = new Date(Date.now() + 25 * HOUR_MS);
    expect(await refundAlerts()).toMatchObject([
      {
        kind: 'refund_stalled',
        organizationName: 'Cocina Económica Rosa',
        message:
          'Reembolso de $1,160.00 a Cocina Económica Rosa pendiente desde hace más de 24 horas: envía la transferencia SPEI a la CLABE 002010077777777771 y regístrala.',
      },
    ]);
  });

  it('shows a payment still without its CFDI 24 hours after it was confirmed', async () => {
    t.clock.now = new Date();
    const owner = await ownerWithPendingPayment(t, { organizationName: 'Taller Mecánico Sol' });
    await owner.client.post(`/api/v1/subscription/payments/${owner.payment.id}/simulate`);
    // Its invoice made (no fiscal data: for the factura global), then lost, as a crash would.
    const invoiceRows = async () =>
      (
        (await t.database.db.execute(
          sql`SELECT id FROM invoices WHERE payment_id = ${owner.payment.id}`,
        )) as unknown as {
          rows: unknown[];
        }
      ).rows;
    for (let i = 0; i < 100 && (await invoiceRows()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    await t.database.db.execute(sql`DELETE FROM invoices WHERE payment_id = ${owner.payment.id}`);
    const cfdiAlerts = async () =>
      (await alertsOf(owner.organizationId)).filter((alert) => alert.kind === 'payment_without_cfdi');
    t.clock.now = new Date(Date.now() + 23 * HOUR_MS);
    expect(await cfdiAlerts()).toEqual([]);
    t.clock.now = new Date(Date.now() + 25 * HOUR_MS);
    expect(await cfdiAlerts()).toMatchObject([
      {
        organizationName: 'Taller Mecánico Sol',
        message: `Pago ${owner.payment.reference} de $1,160.00 de Taller Mecánico Sol sin factura después de 24 horas: no se generó su CFDI.`,
      },
    ]);
  });

  it('shows a provider refund the provider refused, at once', async () => {
    const owner = await ownerWithPendingSpeiRefund(t, 'Dulcería Paz');
    await t.database.db.execute(
      sql`UPDATE refunds SET channel = 'provider', clabe = NULL, attempts = 2, last_error = 'charge_already_refunded'
           WHERE organization_id = ${owner.organizationId}`,
    );
    expect(await alertsOf(owner.organizationId)).toMatchObject([
      {
        kind: 'refund_stalled',
        message:
          'Reembolso de $1,160.00 a Dulcería Paz: el proveedor lo rechazó (2 intentos): charge_already_refunded. Reinténtalo o revisa el pago con el proveedor.',
      },
    ]);
  });

  it('shows provider events unprocessed for more than 10 minutes, failed or asking for review, not those just received', async () => {
    const at = (minutesAgo: number) => new Date(t.clock.now.getTime() - minutesAgo * 60_000);
    const insert = (eventId: string, receivedAt: Date, processedAt: Date | null, outcome: string | null) =>
      t.database.db.execute(
        sql`INSERT INTO payment_events (id, provider, event_id, type, payload, received_at, processed_at, outcome)
            VALUES (${crypto.randomUUID()}, 'stripe', ${eventId}, 'payment_intent.succeeded', '{}',
                    ${receivedAt}, ${processedAt}, ${outcome})`,
      );
    await insert('evt_stuck', at(11), null, null);
    await insert('evt_fresh', at(2), null, null);
    await insert('evt_failed', at(1), at(1), 'error: pago desconocido');
    await insert('evt_fine', at(30), at(29), 'confirmed');
    await insert('evt_surplus', at(5), at(5), "alert: money left on customer cus_1's balance");
    const operator = await signInOperator(t);
    const alerts = (await operator.client.get('/api/v1/backoffice/alerts'))
      .json<{ data: ReconciliationAlert[] }>()
      .data.filter((alert) => alert.kind === 'event_stalled');
    expect(alerts.map((alert) => alert.message)).toEqual([
      'Evento payment_intent.succeeded de stripe (evt_stuck) sin procesar desde hace más de 10 minutos.',
      "Evento payment_intent.succeeded de stripe (evt_surplus) requiere revisión: money left on customer cus_1's balance.",
      'Evento payment_intent.succeeded de stripe (evt_failed) falló al procesarse: error: pago desconocido.',
    ]);
  });

  it('mails the day’s alerts to OPERATOR_EMAIL in Spanish, grouped, with a link to the back office', async () => {
    const count = await reconciliation.mailDailyAlerts();
    expect(count).toBeGreaterThanOrEqual(5);
    const [mail, ...more] = t.mailer.sent.filter((sent) => sent.to === OPERATOR_EMAIL);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`CajaChica: ${count} alertas de conciliación`);
    expect(mail?.text).toContain('Pagos con importe distinto del total:\n• Pago ');
    expect(mail?.text).toContain('Reembolsos atrasados o rechazados:');
    expect(mail?.text).toContain('Eventos del proveedor sin procesar o con error:');
    expect(mail?.text).toContain(`${t.config.appUrl}/operador/alertas`);
    expect(mail?.html).toContain('<li>Reembolso de $1,160.00 a Cocina Económica Rosa');
  });
});

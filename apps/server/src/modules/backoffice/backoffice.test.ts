import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import {
  ownerWithPendingPayment,
  ownerWithPendingSpeiRefund,
  signInOperator,
} from '../../../test/helpers/backoffice-flow.js';
import { invoicesOnce, paidCustomer } from '../../../test/helpers/invoicing-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';

describe.each(testDatabaseKinds())('the operator’s back office on %s', (kind) => {
  // Monthly $1,160.00 with IVA.
  const t = useTestApp(kind, { env: { PLAN_MONTHLY_PRICE: '1000.00', PLAN_ANNUAL_PRICE: '10000.00' } });
  let operator: { client: TestClient; email: string };
  beforeAll(async () => {
    operator = await signInOperator(t);
  });

  const transfer = (paymentId: string, amount: string, trackingKey: string) =>
    operator.client.post(`/api/v1/backoffice/payments/${paymentId}/transfers`, {
      amount,
      trackingKey,
      receivedOn: '2026-01-05',
    });

  it('confirms a pending SPEI payment once two partial transfers cover it, and the customer’s subscription moves', async () => {
    t.clock.now = new Date('2026-01-05T18:00:00Z');
    const owner = await ownerWithPendingPayment(t, { organizationName: 'Ferretería Luna' });
    const pending = (await operator.client.get('/api/v1/backoffice/payments?status=pending')).json();
    expect(pending.data.find((p: { id: string }) => p.id === owner.payment.id)).toMatchObject({
      organizationId: owner.organizationId,
      organizationName: 'Ferretería Luna',
      method: 'spei',
      provider: 'sandbox',
      status: 'pending',
      total: '1160.00',
      amountReceived: '0.00',
      remaining: '1160.00',
      reference: owner.payment.reference,
    });

    const first = await transfer(owner.payment.id, '500.00', 'BNET01002601050001');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      confirmed: false,
      payment: { status: 'pending', amountReceived: '500.00', remaining: '660.00' },
    });
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'trialing',
      nextPlan: null,
    });

    const second = await transfer(owner.payment.id, '660', 'BNET01002601050002');
    expect(second.json()).toMatchObject({
      confirmed: true,
      payment: { status: 'succeeded', amountReceived: '1160.00', remaining: '0.00' },
    });
    // Paid during the trial: the monthly plan waits for the free month's end.
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'trialing',
      nextPlan: 'monthly',
    });
    const audit = await t.database.db.execute(
      sql`SELECT action, after->>'operator' AS operator, after->>'trackingKey' AS "trackingKey"
            FROM audit_log
           WHERE organization_id = ${owner.organizationId} AND action LIKE 'subscription.payment%'
           ORDER BY action, after->>'trackingKey'`,
    );
    // The audit names the operator and each transfer's tracking key.
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { action: 'subscription.payment_confirmed', operator: null, trackingKey: null },
      {
        action: 'subscription.payment_received',
        operator: operator.email,
        trackingKey: 'BNET01002601050001',
      },
      {
        action: 'subscription.payment_received',
        operator: operator.email,
        trackingKey: 'BNET01002601050002',
      },
    ]);
  });

  it('refuses a transfer for a paid, canceled or non-SPEI payment, saying why', async () => {
    const paid = await ownerWithPendingPayment(t);
    await paid.client.post(`/api/v1/subscription/payments/${paid.payment.id}/simulate`);
    const onPaid = await transfer(paid.payment.id, '100.00', 'CLAVE1');
    expect(onPaid.statusCode).toBe(409);
    expect(onPaid.json()).toMatchObject({
      code: 'PAYMENT_NOT_PENDING',
      detail:
        'Ese pago ya está pagado: no se registran más transferencias. Si llegó dinero de más, devuélvelo al cliente.',
    });

    const replaced = await ownerWithPendingPayment(t);
    // Another checkout replaces the pending payment (one at a time): the first one is canceled.
    await replaced.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'card' });
    const onCanceled = await transfer(replaced.payment.id, '100.00', 'CLAVE2');
    expect(onCanceled.statusCode).toBe(409);
    expect(onCanceled.json().detail).toMatch(/^Ese pago está cancelado/);

    const oxxo = await ownerWithPendingPayment(t, { method: 'oxxo' });
    const onOxxo = await transfer(oxxo.payment.id, '100.00', 'CLAVE3');
    expect(onOxxo.statusCode).toBe(409);
    expect(onOxxo.json().detail).toBe(
      'Ese pago es en efectivo en OXXO: solo los pagos por transferencia SPEI se registran a mano.',
    );

    const unknown = await transfer(crypto.randomUUID(), '100.00', 'CLAVE4');
    expect(unknown.statusCode).toBe(404);
    const amounts = await t.database.db.execute(
      sql`SELECT amount_received FROM payments WHERE id IN (${paid.payment.id}, ${replaced.payment.id}, ${oxxo.payment.id}) ORDER BY id`,
    );
    expect((amounts as unknown as { rows: { amount_received: string }[] }).rows).toEqual([
      { amount_received: '1160.00' },
      { amount_received: '0.00' },
      { amount_received: '0.00' },
    ]);
  });

  it('names each bad field of a transfer: amount, tracking key, a day still to come', async () => {
    const owner = await ownerWithPendingPayment(t);
    const bad = await operator.client.post(`/api/v1/backoffice/payments/${owner.payment.id}/transfers`, {
      amount: '-5',
      trackingKey: 'con espacios',
      receivedOn: 'ayer',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['amount', 'receivedOn', 'trackingKey']);
    const future = await operator.client.post(`/api/v1/backoffice/payments/${owner.payment.id}/transfers`, {
      amount: '5.00',
      trackingKey: 'CLAVE5',
      receivedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toBe('La fecha de recepción no puede ser posterior a hoy.');
  });

  it('marks a SPEI refund as sent once; a second time is a conflict', async () => {
    const owner = await ownerWithPendingSpeiRefund(t, 'Papelería Sol');
    const pending = (await operator.client.get('/api/v1/backoffice/refunds?status=pending')).json().data;
    const refund = pending.find((r: { organizationId: string }) => r.organizationId === owner.organizationId);
    expect(refund).toMatchObject({
      organizationName: 'Papelería Sol',
      paymentMethod: 'oxxo',
      channel: 'spei',
      clabe: '002010077777777771',
      status: 'pending',
      total: '1160.00',
    });

    const issued = await operator.client.post(`/api/v1/backoffice/refunds/${refund.id}/issued`, {
      trackingKey: 'MBAN01002601060042',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', reference: 'MBAN01002601060042' });
    const again = await operator.client.post(`/api/v1/backoffice/refunds/${refund.id}/issued`, {
      trackingKey: 'MBAN01002601060043',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      'Ese reembolso ya está registrado como enviado (referencia MBAN01002601060042).',
    );
    // A SPEI refund has no provider to retry with.
    const retry = await operator.client.post(`/api/v1/backoffice/refunds/${refund.id}/retry`);
    expect(retry.statusCode).toBe(409);
  });

  it('lists organizations newest first with status, plan and owner, searchable by name or email, page by page', async () => {
    const older = await ownerWithPendingPayment(t, { organizationName: 'Abarrotes Búho 1' });
    const newer = await ownerWithPendingPayment(t, { organizationName: 'Abarrotes Búho 2' });
    await newer.client.post(`/api/v1/subscription/payments/${newer.payment.id}/simulate`);
    const found = (await operator.client.get('/api/v1/backoffice/organizations?search=b%C3%BAho')).json();
    expect(found.data).toMatchObject([
      {
        id: newer.organizationId,
        name: 'Abarrotes Búho 2',
        status: 'trialing',
        nextPlan: 'monthly',
        ownerEmail: newer.email,
        readOnly: false,
      },
      {
        id: older.organizationId,
        name: 'Abarrotes Búho 1',
        status: 'trialing',
        nextPlan: null,
        ownerEmail: older.email,
      },
    ]);
    const byEmail = (
      await operator.client.get(`/api/v1/backoffice/organizations?search=${older.email}`)
    ).json();
    expect(byEmail.data.map((o: { id: string }) => o.id)).toEqual([older.organizationId]);
    // Wildcards are taken literally.
    expect((await operator.client.get('/api/v1/backoffice/organizations?search=%25')).json().data).toEqual(
      [],
    );

    const first = (
      await operator.client.get('/api/v1/backoffice/organizations?search=B%C3%BAho&limit=1')
    ).json();
    expect(first.data.map((o: { id: string }) => o.id)).toEqual([newer.organizationId]);
    const next = (
      await operator.client.get(
        `/api/v1/backoffice/organizations?search=B%C3%BAho&limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(next).toMatchObject({ data: [{ id: older.organizationId }], nextCursor: null });
  });

  it('shows the newest payment events with what processing did', async () => {
    await t.database.db.execute(
      sql`INSERT INTO payment_events (id, provider, event_id, type, payload, processed_at, outcome)
          VALUES (${crypto.randomUUID()}, 'stripe', 'evt_backoffice_1', 'payment_intent.succeeded', '{}', now(), 'confirmed')`,
    );
    const events = (await operator.client.get('/api/v1/backoffice/events')).json().data;
    expect(events[0]).toMatchObject({
      provider: 'stripe',
      eventId: 'evt_backoffice_1',
      type: 'payment_intent.succeeded',
      outcome: 'confirmed',
    });
  });

  it("lists the platform's invoices across customers, with the month's factura global", async () => {
    t.clock.now = new Date();
    const customer = await paidCustomer(t);
    await invoicesOnce(customer.client, 'stamped');
    const listed = await waitFor(
      async () => (await operator.client.get('/api/v1/backoffice/invoices')).json(),
      (body) =>
        body.data.some(
          (invoice: { organizationId: string }) => invoice.organizationId === customer.organizationId,
        ),
    );
    expect(
      listed.data.find(
        (invoice: { organizationId: string }) => invoice.organizationId === customer.organizationId,
      ),
    ).toMatchObject({
      kind: 'ingreso',
      status: 'stamped',
      receptorRfc: 'MCI7306249Y1',
      uuid: expect.any(String),
      pac: 'sandbox',
    });
    expect(Array.isArray(listed.globals)).toBe(true);
    expect((await customer.client.get('/api/v1/backoffice/invoices')).statusCode).toBe(401);
  });

  it('keeps the back office out of the public API document', async () => {
    const document = (await t.client().get('/api/v1/openapi.json')).json();
    expect(Object.keys(document.paths).filter((path) => path.includes('backoffice'))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import {
  type FakeSatStatusServer,
  startFakeSatStatusServer,
} from '../../../test/fakes/fake-sat-status-server.js';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';

/** Imports one CFDI into the fund (paid with its cash), submits it and has it approved. */
async function approvedCfdiExpense(custodian: TestClient, approver: TestClient, fundId: string, xml: string) {
  const { payload, contentType } = multipartBody([{ name: 'f.xml', content: xml }], { fundId });
  const response = await custodian.request('POST', '/api/v1/expenses/import', payload, {
    headers: { 'content-type': contentType },
  });
  const [result] = response.json<{ results: { status: string; expense: { id: string } }[] }>().results;
  if (result?.status !== 'created') throw new Error(`import failed: ${response.body}`);
  const id = result.expense.id;
  await custodian.post(`/api/v1/expenses/${id}/submit`);
  const approved = await approver.post(`/api/v1/expenses/${id}/approve`);
  if (approved.json().status !== 'approved') throw new Error(`approve failed: ${approved.body}`);
  return id;
}

describe('replenishment CFDIs re-checked at SAT before approval (fake SAT on 127.0.0.1, pglite)', () => {
  let sat: FakeSatStatusServer;
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUpVerifiedOwner>>;
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let approver: Awaited<ReturnType<typeof addMember>>;

  beforeAll(async () => {
    sat = await startFakeSatStatusServer();
    t = await buildTestApp('pglite', {
      SAT_STATUS_SERVICE: 'online',
      SAT_STATUS_URL: sat.url,
      SAT_STATUS_TIMEOUT_MS: '2000',
      JOBS_POLL_SECONDS: '0.5',
    });
    owner = await signUpVerifiedOwner(t);
    await owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    custodian = await addMember(t, owner.client, ['custodian']);
    approver = await addMember(t, owner.client, ['approver']);
  });
  afterAll(async () => {
    await t.close();
    await sat.close();
  });

  it('flags a CFDI cancelled at SAT, refuses approval until it is excluded, then approves the rest', async () => {
    const fund = await openFund(owner.client, {
      custodianId: await membershipIdOf(owner.client, custodian.userId),
    });
    const kept = receivedCfdi({ valorUnitario: '100.00', descripcion: 'Hojas blancas' });
    const cancelled = receivedCfdi({ valorUnitario: '50.00', descripcion: 'Tóner' });
    for (const cfdi of [kept, cancelled])
      sat.setCfdi(cfdi.uuid, { Estado: 'Vigente', ValidacionEFOS: '200' });
    const keptId = await approvedCfdiExpense(custodian.client, owner.client, fund.id, kept.xml);
    const cancelledId = await approvedCfdiExpense(custodian.client, owner.client, fund.id, cancelled.xml);
    const request = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    expect(request.total).toBe('174.00');

    // The supplier cancels one CFDI after it was approved: SAT now says so.
    sat.setCfdi(cancelled.uuid, { Estado: 'Cancelado', EstatusCancelacion: 'Cancelado sin aceptación' });
    const refused = await approver.client.post(`/api/v1/replenishments/${request.id}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('REPLENISHMENT_HAS_CANCELLED_CFDI');
    expect(refused.json().detail).toContain(cancelled.uuid.toUpperCase());

    const checked = await custodian.client.post(`/api/v1/replenishments/${request.id}/sat-check`);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ status: 'requested', satCancelledCount: 1 });
    const flagged = checked
      .json()
      .items.find((item: { voucher: { id: string } }) => item.voucher.id === cancelledId);
    expect(flagged.voucher).toMatchObject({ satCancelled: true, expense: { sat: { status: 'cancelado' } } });
    expect(flagged.voucher.expense.findings.map((f: { code: string }) => f.code)).toContain('SAT_CANCELLED');
    const sound = checked
      .json()
      .items.find((item: { voucher: { id: string } }) => item.voucher.id === keptId);
    expect(sound.voucher).toMatchObject({ satCancelled: false, expense: { sat: { status: 'vigente' } } });

    const excluded = await custodian.client.post(
      `/api/v1/replenishments/${request.id}/items/${flagged.id}/exclude`,
      {
        reason: 'CFDI cancelado por el proveedor',
      },
    );
    expect(excluded.json()).toMatchObject({ total: '116.00', satCancelledCount: 0, itemCount: 1 });
    const approved = await approver.client.post(`/api/v1/replenishments/${request.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    const asked = sat.requests.filter(
      (r) => r.params.id === kept.uuid.toUpperCase() || r.params.id === kept.uuid,
    );
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 503 "no verificado" on demand when SAT is down, yet lets the approval go on', async () => {
    const fund = await openFund(owner.client, {
      custodianId: await membershipIdOf(owner.client, custodian.userId),
    });
    const cfdi = receivedCfdi({ valorUnitario: '80.00' });
    sat.setCfdi(cfdi.uuid, { Estado: 'Vigente', ValidacionEFOS: '200' });
    await approvedCfdiExpense(custodian.client, owner.client, fund.id, cfdi.xml);
    const request = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    sat.failWith('http500');
    const check = await custodian.client.post(`/api/v1/replenishments/${request.id}/sat-check`);
    expect(check.statusCode).toBe(503);
    expect(check.json().detail).toContain('no verificado');
    const approved = await approver.client.post(`/api/v1/replenishments/${request.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', satCheckedAt: null });
    sat.failWith(null);
  });
});

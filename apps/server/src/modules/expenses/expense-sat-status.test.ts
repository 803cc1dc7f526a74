import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import {
  type FakeSatStatusServer,
  startFakeSatStatusServer,
} from '../../../test/fakes/fake-sat-status-server.js';
import { signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';

async function importOne(client: TestClient, xml: string) {
  const { payload, contentType } = multipartBody([{ name: 'f.xml', content: xml }]);
  const response = await client.request('POST', '/api/v1/expenses/import', payload, {
    headers: { 'content-type': contentType },
  });
  const [result] = response.json<{ results: { status: string; expense: { id: string } }[] }>().results;
  if (result?.status !== 'created') throw new Error(`import failed: ${response.body}`);
  return result.expense.id;
}

/** Polls until the expense's SAT status leaves "not_checked" (the background job ran). */
async function settledSatStatus(client: TestClient, id: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const expense = (await client.get(`/api/v1/expenses/${id}`)).json();
    if (expense.sat.status !== 'not_checked') return expense;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('SAT status job did not run');
}

describe('SAT status of imported CFDIs (fake SAT on 127.0.0.1, pglite)', () => {
  let sat: FakeSatStatusServer;
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUpVerifiedOwner>>;

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
  });
  afterAll(async () => {
    await t.close();
    await sat.close();
  });

  it('checks each imported CFDI at SAT in the background and stores vigente with the date', async () => {
    const cfdi = receivedCfdi({ valorUnitario: '100.00' });
    sat.setCfdi(cfdi.uuid, {
      Estado: 'Vigente',
      EsCancelable: 'Cancelable sin aceptación',
      ValidacionEFOS: '200',
    });
    const id = await importOne(owner.client, cfdi.xml);
    const expense = await settledSatStatus(owner.client, id);
    expect(expense.sat.status).toBe('vigente');
    expect(expense.sat.checkedAt).not.toBeNull();
    const sent = sat.requests.find((request) => request.params.id === cfdi.uuid);
    expect(sent?.params).toMatchObject({ re: 'EKU9003173C9', rr: TEST_RECEIVER.rfc, tt: '116.0' });
  });

  it('flags a CFDI that SAT reports cancelled, and finds it again when re-checked on demand', async () => {
    const cfdi = receivedCfdi({ valorUnitario: '50.00' });
    sat.setCfdi(cfdi.uuid, { Estado: 'Vigente', ValidacionEFOS: '200' });
    const id = await importOne(owner.client, cfdi.xml);
    expect((await settledSatStatus(owner.client, id)).sat.status).toBe('vigente');
    sat.setCfdi(cfdi.uuid, {
      Estado: 'Cancelado',
      EstatusCancelacion: 'Cancelado sin aceptación',
      ValidacionEFOS: '200',
    });
    const rechecked = await owner.client.post(`/api/v1/expenses/${id}/sat-status`);
    expect(rechecked.json().sat.status).toBe('cancelado');
    expect(rechecked.json().findings.map((f: { code: string }) => f.code)).toContain('SAT_CANCELLED');
  });

  it('answers 503 "no verificado" when SAT is down on demand, and never claims vigente', async () => {
    const cfdi = receivedCfdi({ valorUnitario: '70.00' });
    sat.failWith('http500');
    const id = await importOne(owner.client, cfdi.xml);
    const recheck = await owner.client.post(`/api/v1/expenses/${id}/sat-status`);
    expect(recheck.statusCode).toBe(503);
    expect(recheck.json().detail).toContain('no verificado');
    expect((await owner.client.get(`/api/v1/expenses/${id}`)).json().sat.status).not.toBe('vigente');
    sat.failWith(null);
  });
});

describe('SAT status in offline (embedded) mode', () => {
  let t: TestApp;
  afterAll(async () => t.close());

  it('says "no verificado" instead of asking SAT', async () => {
    t = await buildTestApp('pglite', { JOBS_POLL_SECONDS: '0.5' });
    const owner = await signUpVerifiedOwner(t);
    await owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const id = await importOne(owner.client, receivedCfdi().xml);
    const expense = await settledSatStatus(owner.client, id);
    expect(expense.sat.status).toBe('unverified');
  });
});

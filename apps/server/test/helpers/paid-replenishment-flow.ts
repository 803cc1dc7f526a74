import { mexicoCityDate } from '../../src/platform/mexico-time.js';
import { TEST_RECEIVER } from '../fakes/cfdi-factory.js';
import { addMember, signUpVerifiedOwner } from './accounts-flow.js';
import { multipartBody } from './multipart.js';
import { membershipIdOf, openFund } from './petty-cash-flow.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

/** Every expense is approved automatically when submitted (one rule without limits). */
export async function approveEverythingAutomatically(admin: TestClient) {
  const rule = await admin.post('/api/v1/approval-rules', {
    name: 'Todo automático',
    minAmount: null,
    maxAmount: null,
    autoApprove: true,
  });
  if (rule.statusCode !== 201) throw new Error(`approval rule failed: ${rule.body}`);
}

/**
 * An organization ready to replenish: its owner (fiscal data = the test CFDIs' receptor, every
 * expense approved automatically), a custodian and the custodian's fund.
 */
export async function pettyCashOrganization(t: TestApp, options: { name?: string; fundName?: string } = {}) {
  const owner = await signUpVerifiedOwner(t, options.name ? { organizationName: options.name } : {});
  await owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
  await approveEverythingAutomatically(owner.client);
  const custodian = await addMember(t, owner.client, ['custodian']);
  const fund = await openFund(owner.client, {
    custodianId: await membershipIdOf(owner.client, custodian.userId),
    authorizedAmount: '5000.00',
    ...(options.fundName ? { name: options.fundName } : {}),
  });
  return { owner, custodian, fund };
}

/** CFDIs imported into the fund by its custodian and submitted: approved vouchers of the fund. */
export async function approvedCfdiExpenses(custodian: TestClient, fundId: string, xmls: string[]) {
  const { payload, contentType } = multipartBody(
    xmls.map((xml, index) => ({ name: `factura-${index + 1}.xml`, content: xml, type: 'application/xml' })),
    { fundId },
  );
  const imported = await custodian.request('POST', '/api/v1/expenses/import', payload, {
    headers: { 'content-type': contentType },
  });
  const results = imported.json<{ results: { status: string; expense?: { id: string } }[] }>().results;
  const ids = results.map((result) => result.expense?.id);
  if (imported.statusCode !== 200 || ids.some((id) => !id))
    throw new Error(`import failed: ${imported.body}`);
  for (const id of ids) {
    const submitted = await custodian.post(`/api/v1/expenses/${id}/submit`);
    if (submitted.json<{ status: string }>().status !== 'approved')
      throw new Error(`submit failed: ${submitted.body}`);
  }
  return ids as string[];
}

export interface PaidReplenishment {
  id: string;
  folio: number;
  total: string;
  paymentDate: string;
}

/** The custodian requests the fund's replenishment; the manager approves and pays it today. */
export async function paidReplenishment(
  custodian: TestClient,
  manager: TestClient,
  fundId: string,
): Promise<PaidReplenishment> {
  const requested = await custodian.post('/api/v1/replenishments', { fundId });
  if (requested.statusCode !== 201) throw new Error(`request failed: ${requested.body}`);
  const { id } = requested.json<{ id: string }>();
  const approved = await manager.post(`/api/v1/replenishments/${id}/approve`);
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  const paid = await manager.post(`/api/v1/replenishments/${id}/pay`, {
    paymentDate: mexicoCityDate(new Date()),
    reference: `SPEI ${id.slice(-6)}`,
  });
  if (paid.statusCode !== 200) throw new Error(`pay failed: ${paid.body}`);
  return paid.json<PaidReplenishment>();
}

import type { TestClient } from './test-client.js';

/** The membership id of a user in the client's organization (what custodianId and approvers use). */
export async function membershipIdOf(client: TestClient, userId: string): Promise<string> {
  const response = await client.get('/api/v1/members?limit=200');
  const member = response
    .json<{ data: { id: string; user: { id: string } }[] }>()
    .data.find((m) => m.user.id === userId);
  if (!member) throw new Error(`no membership for user ${userId}: ${response.body}`);
  return member.id;
}

export interface FundView {
  id: string;
  name: string;
  cash: string;
  pendingVouchers: string;
  openAdvances: string;
  authorizedAmount: string;
  status: string;
}

let fundCounter = 0;

/** Opens a fund through the API as an admin; returns its view. */
export async function openFund(
  admin: TestClient,
  input: { custodianId: string; authorizedAmount?: string; name?: string; replenishmentThreshold?: string },
): Promise<FundView> {
  const response = await admin.post('/api/v1/funds', {
    name: input.name ?? `Caja ${++fundCounter} ${Date.now()}`,
    custodianId: input.custodianId,
    authorizedAmount: input.authorizedAmount ?? '5000.00',
    ...(input.replenishmentThreshold ? { replenishmentThreshold: input.replenishmentThreshold } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`open fund failed: ${response.body}`);
  return response.json<FundView>();
}

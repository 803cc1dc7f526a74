import { mexicoCityDate } from '../../src/platform/mexico-time.js';
import { addMember, signUpVerifiedOwner } from './accounts-flow.js';
import { type FundView, membershipIdOf, openFund } from './petty-cash-flow.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

/** An organization with a custodian, two employees and an approver: who advances involve. */
export async function advanceTeam(t: TestApp) {
  const owner = await signUpVerifiedOwner(t);
  const member = async (roles: string[]) => {
    const person = await addMember(t, owner.client, roles);
    return { ...person, membershipId: await membershipIdOf(owner.client, person.userId) };
  };
  return {
    owner,
    custodian: await member(['custodian']),
    employee: await member(['employee']),
    otherEmployee: await member(['employee']),
    approver: await member(['approver']),
    accountant: await member(['accountant']),
  };
}

export type AdvanceTeam = Awaited<ReturnType<typeof advanceTeam>>;

/** The day `days` after today in Mexico City (negative: before). */
export function mexicoDay(days = 0, from = new Date()): string {
  return mexicoCityDate(new Date(from.getTime() + days * 86_400_000));
}

/** Hands out a cash advance from the fund through the API; returns its view. */
export async function handOutCash(
  client: TestClient,
  input: { employeeId: string; fundId: string; amount: string; trip?: unknown; dueDate?: string },
) {
  const response = await client.post('/api/v1/advances', {
    employeeId: input.employeeId,
    purpose: 'Visita a cliente en Querétaro',
    amount: input.amount,
    method: 'fund_cash',
    fundId: input.fundId,
    dueDate: input.dueDate ?? mexicoDay(7),
    ...(input.trip ? { trip: input.trip } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`hand out failed: ${response.body}`);
  return response.json<{ id: string; folio: number; status: string }>();
}

/** An expense the employee records against the advance and sends for approval; returns its id. */
export async function spendAgainst(
  client: TestClient,
  advanceId: string,
  total: string,
  options: { submit?: boolean; travelKind?: string; date?: string; concept?: string } = {},
): Promise<string> {
  const response = await client.post('/api/v1/expenses', {
    date: options.date ?? mexicoDay(),
    concept: options.concept ?? 'Comida con cliente',
    subtotal: total,
    total,
    paymentMethod: 'employee',
    advanceId,
    ...(options.travelKind ? { travelKind: options.travelKind } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`expense failed: ${response.body}`);
  const id = response.json<{ id: string }>().id;
  if (options.submit !== false) {
    const submitted = await client.post(`/api/v1/expenses/${id}/submit`);
    if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  }
  return id;
}

export async function approve(client: TestClient, expenseId: string) {
  const response = await client.post(`/api/v1/expenses/${expenseId}/approve`);
  if (response.statusCode !== 200) throw new Error(`approve failed: ${response.body}`);
}

export async function fundBalances(client: TestClient, fundId: string) {
  return (await client.get(`/api/v1/funds/${fundId}`)).json<FundView>();
}

export { openFund };

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { type FundView, membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';

const bills = (pieces: Record<string, number>) =>
  Object.entries(pieces).map(([denomination, quantity]) => ({ kind: 'bill', denomination, quantity }));
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** I2, read from the API: cash + pending vouchers + open advances = authorized amount. */
function expectImprestBalance(fund: FundView) {
  expect(
    money(fund.cash).plus(fund.pendingVouchers).plus(fund.openAdvances).equals(fund.authorizedAmount),
  ).toBe(true);
}

describe.each(testDatabaseKinds())('cash counts API on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;
  let witnessId: string;
  let otherCustodian: Awaited<ReturnType<typeof addMember>>;

  beforeAll(async () => {
    custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
    const witness = await addMember(t, t.owner.client, ['employee']);
    witnessId = await membershipIdOf(t.owner.client, witness.userId);
    otherCustodian = await addMember(t, t.owner.client, ['custodian']);
  });

  const count = (client: TestClient, fundId: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/funds/${fundId}/cash-counts`, body);
  const fundOf = async (id: string) => (await t.owner.client.get(`/api/v1/funds/${id}`)).json<FundView>();

  it('records an exact count without a movement, signed by custodian and witness', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1500.50' });
    const response = await count(custodian.client, fund.id, {
      counts: [
        ...bills({ '1000': 1, '200.00': 2 }),
        { kind: 'coin', denomination: '20', quantity: 5 },
        { kind: 'coin', denomination: '0.5', quantity: 1 },
      ],
      witnessId,
      notes: 'Arqueo mensual',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      fundId: fund.id,
      countedCash: '1500.50',
      expectedCash: '1500.50',
      difference: '0.00',
      result: 'exact',
      custodian: { id: custodianId, name: 'Miembro de Prueba' },
      witness: { id: witnessId },
      recordedBy: { id: custodianId },
      notes: 'Arqueo mensual',
      movementId: null,
      counts: [
        { kind: 'bill', denomination: '1000.00', quantity: 1 },
        { kind: 'bill', denomination: '200.00', quantity: 2 },
        { kind: 'coin', denomination: '20.00', quantity: 5 },
        { kind: 'coin', denomination: '0.50', quantity: 1 },
      ],
    });
    const movements = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements).toHaveLength(1);
    const audit = (await t.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    expect(audit.some((r: { action: string; targetId: string }) => r.targetId === response.json().id)).toBe(
      true,
    );
  });

  it('records a shortage as a voucher to recover: cash −d, pending +d', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '2000.00' });
    const response = await count(custodian.client, fund.id, {
      counts: bills({ '500': 3, '200': 2, '50': 1 }),
    });
    expect(response.json()).toMatchObject({
      countedCash: '1950.00',
      expectedCash: '2000.00',
      difference: '-50.00',
      result: 'shortage',
      witness: null,
    });
    const [movement] = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movement).toMatchObject({
      id: response.json().movementId,
      kind: 'cash_count_shortage',
      amount: '50.00',
      cashDelta: '-50.00',
      pendingDelta: '50.00',
      sourceType: 'cash_count',
      sourceId: response.json().id,
    });
    const after = await fundOf(fund.id);
    expect(after).toMatchObject({ cash: '1950.00', pendingVouchers: '50.00', authorizedAmount: '2000.00' });
    expectImprestBalance(after);
  });

  it('records an overage as an overage voucher: cash +d, pending −d, even beyond the pending vouchers', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    const spent = await custodian.client.post('/api/v1/expenses', {
      fundId: fund.id,
      date: yesterday(),
      concept: 'Garrafones',
      subtotal: '30.00',
      total: '30.00',
      paymentMethod: 'fund_cash',
    });
    expect(spent.statusCode).toBe(201);
    // 970 expected, 1020 counted: the 50 over is more than the 30 of pending vouchers.
    const response = await count(custodian.client, fund.id, {
      counts: [...bills({ '500': 2 }), { kind: 'coin', denomination: '10.00', quantity: 2 }],
    });
    expect(response.json()).toMatchObject({
      countedCash: '1020.00',
      expectedCash: '970.00',
      difference: '50.00',
      result: 'overage',
    });
    const [movement] = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movement).toMatchObject({
      kind: 'cash_count_overage',
      cashDelta: '50.00',
      pendingDelta: '-50.00',
    });
    const after = await fundOf(fund.id);
    expect(after).toMatchObject({ cash: '1020.00', pendingVouchers: '-20.00', authorizedAmount: '1000.00' });
    expectImprestBalance(after);
  });

  it('counts exactly in decimals: 3 coins of $0.50 and a short centavo amount', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '101.60' });
    const response = await count(t.owner.client, fund.id, {
      counts: [...bills({ '100': 1 }), { kind: 'coin', denomination: '0.50', quantity: 3 }],
    });
    expect(response.json()).toMatchObject({ countedCash: '101.50', difference: '-0.10', result: 'shortage' });
    expect(response.json().recordedBy.id).not.toBe(custodianId);
    expect(response.json().custodian.id).toBe(custodianId);
  });

  it.each([
    ['a negative quantity', { kind: 'bill', denomination: '100', quantity: -1 }, 'counts.0.quantity'],
    ['a fractional quantity', { kind: 'coin', denomination: '1.00', quantity: 1.5 }, 'counts.0.quantity'],
    ['an unknown denomination', { kind: 'coin', denomination: '0.25', quantity: 4 }, 'counts.0.denomination'],
    [
      'a bill that does not exist',
      { kind: 'bill', denomination: '10.00', quantity: 1 },
      'counts.0.denomination',
    ],
    ['a quantity as text', { kind: 'bill', denomination: '100', quantity: '3' }, 'counts.0.quantity'],
  ])('refuses %s with a Spanish message on the field', async (_label, line, path) => {
    const fund = await openFund(t.owner.client, { custodianId });
    const response = await count(custodian.client, fund.id, { counts: [line] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await fundOf(fund.id)).cash).toBe('5000.00');
  });

  it('refuses a denomination listed twice and an empty count', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const twice = await count(custodian.client, fund.id, { counts: bills({ '100': 1, '100.00': 2 }) });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('counts.1.denomination');
    expect((await count(custodian.client, fund.id, { counts: [] })).statusCode).toBe(400);
  });

  it('refuses the custodian as witness, and a witness who is not an active member', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const counts = bills({ '1000': 5 });
    const self = await count(custodian.client, fund.id, { counts, witnessId: custodianId });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'WITNESS_IS_CUSTODIAN', errors: [{ path: 'witnessId' }] });
    const leaver = await addMember(t, t.owner.client, ['employee']);
    const leaverId = await membershipIdOf(t.owner.client, leaver.userId);
    await t.owner.client.patch(`/api/v1/members/${leaverId}`, { active: false });
    for (const id of [leaverId, '01930000-0000-7000-8000-000000000000']) {
      const invalid = await count(custodian.client, fund.id, { counts, witnessId: id });
      expect(invalid.json().code).toBe('WITNESS_INVALID');
    }
    const list = (await custodian.client.get(`/api/v1/funds/${fund.id}/cash-counts`)).json();
    expect(list.data).toHaveLength(0);
  });

  it('refuses a closed fund (409), and another organization’s fund or count (404)', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '300.00' });
    const recorded = (await count(t.owner.client, fund.id, { counts: bills({ '100': 3 }) })).json();
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra' });
    expect((await count(other.client, fund.id, { counts: bills({ '100': 3 }) })).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/funds/${fund.id}/cash-counts`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/cash-counts/${recorded.id}`)).statusCode).toBe(404);
    await t.owner.client.post(`/api/v1/funds/${fund.id}/close`, {});
    const closed = await count(custodian.client, fund.id, { counts: bills({ '100': 3 }) });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('FUND_CLOSED');
  });

  it('lets only the fund’s custodian or a manager count it; readers see the history', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const body = { counts: bills({ '1000': 5 }) };
    expect((await count(otherCustodian.client, fund.id, body)).statusCode).toBe(404);
    const approver = await addMember(t, t.owner.client, ['approver']);
    const refused = await count(approver.client, fund.id, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_FUND_CUSTODIAN');
    const first = (await count(custodian.client, fund.id, body)).json();
    const second = (await count(t.owner.client, fund.id, body)).json();
    const page1 = (await approver.client.get(`/api/v1/funds/${fund.id}/cash-counts?limit=1`)).json();
    expect(page1.data.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const page2 = (
      await approver.client.get(`/api/v1/funds/${fund.id}/cash-counts?limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toEqual({ data: [first], nextCursor: null });
    expect((await custodian.client.get(`/api/v1/cash-counts/${first.id}`)).json()).toEqual(first);
    expect((await otherCustodian.client.get(`/api/v1/cash-counts/${first.id}`)).statusCode).toBe(404);
    expect((await otherCustodian.client.get(`/api/v1/funds/${fund.id}/cash-counts`)).statusCode).toBe(404);
  });

  it('the database refuses to edit or delete a count, or to record one that disagrees with the ledger', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '100.00' });
    const recorded = (await count(t.owner.client, fund.id, { counts: bills({ '50': 1 }) })).json();
    const scope = { organizationId: t.owner.organizationId, userId: t.owner.userId };
    const attempts = [
      sql`UPDATE cash_counts SET notes = 'x' WHERE id = ${recorded.id}`,
      sql`DELETE FROM cash_counts WHERE id = ${recorded.id}`,
    ];
    for (const attempt of attempts) {
      await expect(withTenant(t.database.db, scope, (tx) => tx.execute(attempt))).rejects.toThrow();
    }
    // The box holds 50 after the count: a record claiming 100 counted, with no movement, is refused.
    const forged = sql`INSERT INTO cash_counts (organization_id, id, fund_id, counts, counted_cash,
        expected_cash, difference, custodian_id, recorded_by)
      VALUES (${t.owner.organizationId}, gen_random_uuid(), ${fund.id}, '[]', 100, 100, 0,
        ${custodianId}, ${custodianId})`;
    await expect(withTenant(t.database.db, scope, (tx) => tx.execute(forged))).rejects.toMatchObject({
      cause: { constraint: 'cash_counts_match_fund' },
    });
    expect((await t.owner.client.get(`/api/v1/cash-counts/${recorded.id}`)).json().notes).toBeNull();
  });
});

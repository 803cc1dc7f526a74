import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { withTenant } from '../../platform/tenancy.js';

describe.each(testDatabaseKinds())('funds API on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;

  beforeAll(async () => {
    custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
  });

  it('opens a fund with its authorized amount in cash, recorded as the first movement', async () => {
    const fund = await openFund(t.owner.client, {
      custodianId,
      authorizedAmount: '5000.00',
      name: 'Caja Matriz',
    });
    expect(fund).toMatchObject({
      name: 'Caja Matriz',
      custodian: { id: custodianId, name: 'Miembro de Prueba' },
      authorizedAmount: '5000.00',
      cash: '5000.00',
      pendingVouchers: '0.00',
      openAdvances: '0.00',
      status: 'open',
    });
    const movements = await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`);
    expect(movements.json().data).toMatchObject([
      {
        sequence: 1,
        kind: 'fund_opened',
        amount: '5000.00',
        cashAfter: '5000.00',
        authorizedAfter: '5000.00',
      },
    ]);
    const audit = await t.owner.client.get('/api/v1/audit-log?limit=200');
    expect(audit.json().data.map((r: { action: string }) => r.action)).toContain('fund.opened');
  });

  it('increases and decreases the fund, and refuses to take out more cash than the box has', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    const increased = await t.owner.client.post(`/api/v1/funds/${fund.id}/increase`, { amount: '500.50' });
    expect(increased.json()).toMatchObject({ authorizedAmount: '1500.50', cash: '1500.50' });
    const tooMuch = await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '1500.51' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('DECREASE_EXCEEDS_CASH');
    const decreased = await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, {
      amount: '0.50',
      memo: 'ajuste',
    });
    expect(decreased.json()).toMatchObject({ authorizedAmount: '1500.00', cash: '1500.00' });
    const movements = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements.map((m: { kind: string }) => m.kind)).toEqual([
      'fund_decreased',
      'fund_increased',
      'fund_opened',
    ]);
  });

  it('closes a fund: cash back to the bank, and no movement afterwards', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '800.00' });
    const closed = await t.owner.client.post(`/api/v1/funds/${fund.id}/close`, {
      memo: 'cierre de sucursal',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', cash: '0.00', authorizedAmount: '0.00' });
    const again = await t.owner.client.post(`/api/v1/funds/${fund.id}/increase`, { amount: '10.00' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FUND_CLOSED');
  });

  it.each([
    ['zero', '0.00'],
    ['negative', '-5.00'],
    ['over-precise', '10.001'],
    ['not a number', 'diez'],
  ])('refuses a %s authorized amount with a Spanish message', async (_label, amount) => {
    const response = await t.owner.client.post('/api/v1/funds', {
      name: `Caja ${amount}`,
      custodianId,
      authorizedAmount: amount,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0].path).toBe('authorizedAmount');
  });

  it('refuses a custodian who is not an active member, and a duplicate name', async () => {
    const stranger = await t.owner.client.post('/api/v1/funds', {
      name: 'Caja fantasma',
      custodianId: '01930000-0000-7000-8000-000000000000',
      authorizedAmount: '100.00',
    });
    expect(stranger.json().code).toBe('CUSTODIAN_INVALID');
    await openFund(t.owner.client, { custodianId, name: 'Caja Única' });
    const duplicate = await t.owner.client.post('/api/v1/funds', {
      name: 'caja única',
      custodianId,
      authorizedAmount: '1.00',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('FUND_NAME_TAKEN');
  });

  it('lets the custodian see only the funds they hold, and only admins change funds', async () => {
    const mine = await openFund(t.owner.client, { custodianId });
    const ownerMembership = await membershipIdOf(t.owner.client, t.owner.userId);
    const notMine = await openFund(t.owner.client, { custodianId: ownerMembership });
    const listed = (await custodian.client.get('/api/v1/funds?limit=200'))
      .json()
      .data.map((f: { id: string }) => f.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(notMine.id);
    expect((await custodian.client.get(`/api/v1/funds/${notMine.id}`)).statusCode).toBe(404);
    expect(
      (await custodian.client.post(`/api/v1/funds/${mine.id}/increase`, { amount: '1.00' })).statusCode,
    ).toBe(403);
  });

  it("answers 404 for another organization's fund", async () => {
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra' });
    const fund = await openFund(t.owner.client, { custodianId });
    expect((await other.client.get(`/api/v1/funds/${fund.id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/funds/${fund.id}/movements`)).statusCode).toBe(404);
    expect(
      (await other.client.post(`/api/v1/funds/${fund.id}/increase`, { amount: '1.00' })).statusCode,
    ).toBe(404);
  });

  it('the database refuses to edit or delete a movement, or to write a balance directly', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const scope = { organizationId: t.owner.organizationId, userId: t.owner.userId };
    const attempts = [
      sql`UPDATE fund_movements SET amount = 1 WHERE fund_id = ${fund.id}`,
      sql`DELETE FROM fund_movements WHERE fund_id = ${fund.id}`,
      sql`UPDATE funds SET cash = 999999 WHERE id = ${fund.id}`,
    ];
    for (const attempt of attempts) {
      await expect(withTenant(t.database.db, scope, (tx) => tx.execute(attempt))).rejects.toThrow();
    }
    const after = (await t.owner.client.get(`/api/v1/funds/${fund.id}`)).json();
    expect(after.cash).toBe('5000.00');
    expect((await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data).toHaveLength(1);
  });
});

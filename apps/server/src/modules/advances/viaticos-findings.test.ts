import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvanceTeam,
  advanceTeam,
  approve,
  handOutCash,
  mexicoDay,
  openFund,
  spendAgainst,
} from '../../../test/helpers/advance-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('viáticos findings of expenses against an advance on %s', (kind) => {
  // A lower configured limit than the law's: the configuration is what the rules read.
  const t = useTestApp(kind, { env: { VIATICOS_FOOD_NATIONAL_PER_DAY: '700.00' } });
  let team: AdvanceTeam;

  beforeAll(async () => {
    team = await advanceTeam(t);
  });

  const codesOf = async (id: string) =>
    (await team.employee.client.get(`/api/v1/expenses/${id}`))
      .json<{ findings: { code: string; message: string }[] }>()
      .findings.map((f) => f.code)
      .filter((code) => code.startsWith('VIATICOS'));

  it('flags the meals of a day over the configured limit, and the flag follows what changes', async () => {
    const fund = await openFund(team.owner.client, { custodianId: team.custodian.membershipId });
    const trip = { scope: 'national', start: mexicoDay(-2), end: mexicoDay() };
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '3000.00',
      trip,
    });
    const lunch = await spendAgainst(team.employee.client, advance.id, '400.00', { travelKind: 'food' });
    expect(await codesOf(lunch)).toEqual([]);
    const dinner = await spendAgainst(team.employee.client, advance.id, '350.00', { travelKind: 'food' });
    expect(await codesOf(lunch)).toEqual(['VIATICOS_DAILY_LIMIT']);
    expect(await codesOf(dinner)).toEqual(['VIATICOS_DAILY_LIMIT']);
    const message = (await team.employee.client.get(`/api/v1/expenses/${dinner}`))
      .json<{ findings: { message: string }[] }>()
      .findings.find((f) => f.message.includes('LISR art. 28'))?.message;
    expect(message).toContain('suman $750.00');
    expect(message).toContain('$700.00 por día en México');

    // Rejecting the dinner brings the day back under the limit: both flags go.
    const rejected = await team.approver.client.post(`/api/v1/expenses/${dinner}/reject`, {
      reason: 'Sin CFDI',
    });
    expect(rejected.statusCode).toBe(200);
    expect(await codesOf(lunch)).toEqual([]);

    // Lodging in Mexico has no daily cap; an expense before the trip is flagged.
    const hotel = await spendAgainst(team.employee.client, advance.id, '2500.00', { travelKind: 'lodging' });
    expect(await codesOf(hotel)).toEqual([]);
    const early = await spendAgainst(team.employee.client, advance.id, '90.00', {
      date: mexicoDay(-3),
      submit: false,
    });
    expect(await codesOf(early)).toEqual(['VIATICOS_OUTSIDE_TRIP']);
    // Taken off the advance (a draft), its viáticos finding goes with it.
    await team.employee.client.patch(`/api/v1/expenses/${early}`, { advanceId: null });
    expect(await codesOf(early)).toEqual([]);

    await approve(team.approver.client, lunch);
    await approve(team.approver.client, hotel);
    const settled = await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(settled.json().settlement).toMatchObject({ expenses: '2900.00', difference: '100.00' });
  });

  it('an advance without a trip has no viáticos findings', async () => {
    const created = await team.owner.client.post('/api/v1/advances', {
      employeeId: team.employee.membershipId,
      purpose: 'Compras de oficina',
      amount: '2000.00',
      method: 'transfer',
      transferReference: 'SPEI 55',
      dueDate: mexicoDay(4),
    });
    const meal = await spendAgainst(team.employee.client, created.json().id, '1500.00', {
      travelKind: 'food',
    });
    expect(await codesOf(meal)).toEqual([]);
  });

  it('refuses a trip that ends before it starts', async () => {
    const fund = await openFund(team.owner.client, { custodianId: team.custodian.membershipId });
    const response = await team.owner.client.post('/api/v1/advances', {
      employeeId: team.employee.membershipId,
      purpose: 'Viaje',
      amount: '100.00',
      method: 'fund_cash',
      fundId: fund.id,
      dueDate: mexicoDay(4),
      trip: { scope: 'abroad', start: mexicoDay(2), end: mexicoDay(1) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'El viaje termina el mismo día en que empieza o después.' }),
      ]),
    );
  });
});

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { rollupDrift } from '../../../test/helpers/rollup-drift.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { CASH_LIMIT_MXN } from '../expenses/deducibility.js';

const ticket = (change: Record<string, unknown>) => ({
  concept: 'Compra',
  paymentMethod: 'fund_cash',
  ...change,
  subtotal: change.total,
});

async function record(client: TestClient, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/expenses', ticket(body));
  if (response.statusCode !== 201) throw new Error(`expense not recorded: ${response.body}`);
  return response.json<{ id: string; findings: { code: string }[] }>();
}

describe.each(testDatabaseKinds())('reports summary on %s', (kind) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUpVerifiedOwner>>;
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let approver: Awaited<ReturnType<typeof addMember>>;
  let ids: { papeleria: string; limpieza: string; center: string; main: string; small: string };

  const summary = async (query = '', client = owner.client) =>
    (await client.get(`/api/v1/reports/summary${query}`)).json();

  beforeAll(async () => {
    t = await buildTestApp(kind);
    owner = await signUpVerifiedOwner(t);
    custodian = await addMember(t, owner.client, ['custodian']);
    approver = await addMember(t, owner.client, ['approver']);
    const custodianId = await membershipIdOf(owner.client, custodian.userId);
    const categories = (await owner.client.get('/api/v1/categories')).json().data as {
      id: string;
      code: string;
    }[];
    const categoryId = (code: string) => categories.find((c) => c.code === code)?.id as string;
    const center = (
      await owner.client.post('/api/v1/cost-centers', { code: 'ADMIN', name: 'Administración' })
    ).json();
    const main = await openFund(owner.client, {
      custodianId,
      authorizedAmount: '10000.00',
      name: 'Caja matriz',
    });
    const small = await openFund(owner.client, {
      custodianId,
      authorizedAmount: '3000.00',
      name: 'Caja sucursal',
      replenishmentThreshold: '2800.00',
    });
    ids = {
      papeleria: categoryId('PAPELERIA'),
      limpieza: categoryId('LIMPIEZA'),
      center: center.id,
      main: main.id,
      small: small.id,
    };
    const submit = (id: string) => custodian.client.post(`/api/v1/expenses/${id}/submit`);
    // A draft, an approved one, a cash payment over $2,000 waiting, an employee's waiting one.
    await record(custodian.client, {
      fundId: main.id,
      date: '2026-10-05',
      categoryId: ids.papeleria,
      total: '150.00',
    });
    const approved = await record(custodian.client, {
      fundId: main.id,
      date: '2026-10-20',
      categoryId: ids.papeleria,
      total: '250.00',
    });
    await submit(approved.id);
    await approver.client.post(`/api/v1/expenses/${approved.id}/approve`);
    const overLimit = await record(custodian.client, {
      fundId: main.id,
      date: '2026-11-03',
      categoryId: ids.limpieza,
      total: '2500.00',
    });
    expect(overLimit.findings.map((f) => f.code)).toContain('CASH_OVER_LIMIT');
    await submit(overLimit.id);
    const employees = await record(custodian.client, {
      paymentMethod: 'employee',
      date: '2026-11-10',
      categoryId: ids.limpieza,
      costCenterId: center.id,
      total: '400.00',
    });
    await submit(employees.id);
    // Never counted: a discarded draft and a rejected expense.
    const discarded = await record(custodian.client, {
      fundId: main.id,
      date: '2026-11-12',
      total: '100.00',
    });
    await custodian.client.post(`/api/v1/expenses/${discarded.id}/discard`);
    const rejected = await record(custodian.client, {
      fundId: small.id,
      date: '2026-11-15',
      categoryId: ids.papeleria,
      total: '300.00',
    });
    await submit(rejected.id);
    await approver.client.post(`/api/v1/expenses/${rejected.id}/reject`, { reason: 'Sin ticket' });
  });
  afterAll(async () => t.close());

  it('sums spending by category, cost center and month, without discarded or rejected expenses', async () => {
    const report = await summary();
    expect(report.spending).toEqual({ count: 4, total: '3300.00' });
    expect(report.byCategory).toEqual([
      { categoryId: ids.limpieza, code: 'LIMPIEZA', name: 'Limpieza', total: '2900.00', count: 2 },
      { categoryId: ids.papeleria, code: 'PAPELERIA', name: expect.any(String), total: '400.00', count: 2 },
    ]);
    expect(report.byCostCenter).toEqual([
      { costCenterId: null, code: null, name: null, total: '2900.00', count: 3 },
      { costCenterId: ids.center, code: 'ADMIN', name: 'Administración', total: '400.00', count: 1 },
    ]);
    expect(report.byMonth).toEqual([
      { month: '2026-10', total: '400.00', count: 2 },
      { month: '2026-11', total: '2900.00', count: 2 },
    ]);
  });

  it('counts what needs attention: pending approvals, non-deductible cash over $2,000, missing CFDI', async () => {
    const report = await summary();
    expect(report.pendingApprovals).toEqual({ count: 2, total: '2900.00' });
    expect(report.nonDeductibleAtRisk).toEqual({ count: 1, total: '2500.00' });
    expect(report.awaitingCfdi).toEqual({ count: 4, total: '3300.00' });
  });

  it('keeps its monthly rollups equal to the expenses, whatever happened to them', async () => {
    expect(await rollupDrift(t.database.db, owner.organizationId)).toEqual([]);
  });

  it('sums the days of a range that covers part of a month from the expenses themselves', async () => {
    // 2026-10-20 (250.00, approved) and 2026-11-03 (2,500.00, submitted): two partial months.
    const across = await summary('?from=2026-10-15&to=2026-11-05');
    expect(across.spending).toEqual({ count: 2, total: '2750.00' });
    expect(across.pendingApprovals).toEqual({ count: 1, total: '2500.00' });
    // A whole October and the first days of November.
    const mixed = await summary('?from=2026-10-01&to=2026-11-09');
    expect(mixed.spending).toEqual({ count: 3, total: '2900.00' });
    expect(mixed.byMonth).toEqual([
      { month: '2026-10', total: '400.00', count: 2 },
      { month: '2026-11', total: '2500.00', count: 1 },
    ]);
    expect((await summary('?from=2026-11-10&to=2026-11-10')).spending).toEqual({ count: 1, total: '400.00' });
  });

  it('answers any range as the expenses add up, day by day', async () => {
    type Listed = {
      date: string;
      status: string;
      totalMxn: string;
      categoryId: string | null;
      invoicePending: boolean;
    };
    const listed = (await owner.client.get('/api/v1/expenses?limit=200')).json().data as Listed[];
    const counted = listed.filter((e) => e.status !== 'discarded' && e.status !== 'rejected');
    const cents = (value: string) => Math.round(Number(value) * 100);
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.option(day, { nil: undefined }),
        fc.option(day, { nil: undefined }),
        async (a, b) => {
          const [from, to] = a && b && a > b ? [b, a] : [a, b];
          const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
          const report = await summary(`?${query}`);
          const inRange = counted.filter((e) => (!from || e.date >= from) && (!to || e.date <= to));
          const totalOf = (rows: Listed[]) => rows.reduce((sum, e) => sum + cents(e.totalMxn), 0);
          expect(report.spending.count).toBe(inRange.length);
          expect(cents(report.spending.total)).toBe(totalOf(inRange));
          expect(cents(report.pendingApprovals.total)).toBe(
            totalOf(inRange.filter((e) => e.status === 'submitted')),
          );
          expect(report.awaitingCfdi.count).toBe(inRange.filter((e) => e.invoicePending).length);
          const byCategory = Object.fromEntries(
            report.byCategory.map((c: { categoryId: string | null; total: string }) => [
              c.categoryId,
              cents(c.total),
            ]),
          );
          const expected: Record<string, number> = {};
          for (const e of inRange)
            expected[`${e.categoryId}`] = (expected[`${e.categoryId}`] ?? 0) + cents(e.totalMxn);
          expect(byCategory).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('decides "no deducible" in SQL with the same cash limit as the deducibility rules', async () => {
    const decide = async (total: string) => {
      const result = await t.database.db.execute(
        sql`SELECT expense_is_non_deductible(1, ${total}::numeric, '[{"code":"CASH_OVER_LIMIT"}]'::jsonb) AS yes`,
      );
      return (result as unknown as { rows: { yes: boolean }[] }).rows[0]?.yes;
    };
    expect(await decide(CASH_LIMIT_MXN)).toBe(false);
    expect(await decide((Number(CASH_LIMIT_MXN) + 0.01).toFixed(2))).toBe(true);
  });

  it("shows each open fund's balances and whether it needs a replenishment", async () => {
    const { funds } = await summary();
    expect(funds).toEqual([
      {
        id: ids.main,
        name: 'Caja matriz',
        authorizedAmount: '10000.00',
        cash: '7100.00',
        pendingVouchers: '2900.00',
        openAdvances: '0.00',
        needsReplenishment: false,
      },
      {
        id: ids.small,
        name: 'Caja sucursal',
        authorizedAmount: '3000.00',
        cash: '2700.00',
        pendingVouchers: '300.00',
        openAdvances: '0.00',
        needsReplenishment: true,
      },
    ]);
  });

  it('filters by date range, fund and cost center, and fills the months of the range', async () => {
    const november = await summary('?from=2026-11-01&to=2026-11-30');
    expect(november.spending).toEqual({ count: 2, total: '2900.00' });
    expect(november.byMonth).toEqual([{ month: '2026-11', total: '2900.00', count: 2 }]);
    const quarter = await summary('?from=2026-10-01&to=2026-12-31');
    expect(quarter.byMonth.map((m: { month: string; total: string }) => [m.month, m.total])).toEqual([
      ['2026-10', '400.00'],
      ['2026-11', '2900.00'],
      ['2026-12', '0.00'],
    ]);
    const main = await summary(`?fundId=${ids.main}`);
    expect(main.spending).toEqual({ count: 3, total: '2900.00' });
    expect(main.funds.map((f: { id: string }) => f.id)).toEqual([ids.main]);
    const center = await summary(`?costCenterId=${ids.center}`);
    expect(center.spending).toEqual({ count: 1, total: '400.00' });
    expect(center.funds).toEqual([]);
  });

  it('answers zeros, not an error, for a range without expenses', async () => {
    const empty = await summary('?from=2020-01-01&to=2020-01-31');
    expect(empty).toMatchObject({
      spending: { count: 0, total: '0.00' },
      byCategory: [],
      byCostCenter: [],
      byMonth: [{ month: '2020-01', total: '0.00', count: 0 }],
      pendingApprovals: { count: 0, total: '0.00' },
      nonDeductibleAtRisk: { count: 0, total: '0.00' },
      awaitingCfdi: { count: 0, total: '0.00' },
    });
  });

  it("never shows another organization's expenses or funds", async () => {
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra' });
    const otherCustodian = await membershipIdOf(other.client, other.userId);
    const fund = await openFund(other.client, { custodianId: otherCustodian, name: 'Caja ajena' });
    await record(other.client, { fundId: fund.id, date: '2026-11-02', total: '999.00' });
    const theirs = await summary('', other.client);
    expect(theirs.spending).toEqual({ count: 1, total: '999.00' });
    expect(theirs.funds.map((f: { name: string }) => f.name)).toEqual(['Caja ajena']);
    expect((await summary()).spending).toEqual({ count: 4, total: '3300.00' });
    const foreignFund = await summary(`?fundId=${ids.main}`, other.client);
    expect(foreignFund).toMatchObject({ funds: [], spending: { count: 0, total: '0.00' } });
    expect(await rollupDrift(t.database.db, other.organizationId)).toEqual([]);
  });

  it('is for the roles that read reports; a reversed range is refused in Spanish', async () => {
    expect((await custodian.client.get('/api/v1/reports/summary')).statusCode).toBe(403);
    expect((await approver.client.get('/api/v1/reports/summary')).statusCode).toBe(403);
    const accountant = await addMember(t, owner.client, ['accountant']);
    expect((await accountant.client.get('/api/v1/reports/summary')).statusCode).toBe(200);
    const reversed = await owner.client.get('/api/v1/reports/summary?from=2026-11-30&to=2026-11-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([
      { path: 'querystring.to', message: 'La fecha final debe ser igual o posterior a la inicial.' },
    ]);
  });
});

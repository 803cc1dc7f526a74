import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

const ticket = (change: Record<string, unknown> = {}) => ({
  date: '2026-11-20',
  concept: 'Garrafones de agua',
  subtotal: '150.00',
  total: '150.00',
  paymentMethod: 'fund_cash',
  ...change,
});

describe.each(testDatabaseKinds())('expenses API on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let approver: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;

  beforeAll(async () => {
    custodian = await addMember(t, t.owner.client, ['custodian']);
    approver = await addMember(t, t.owner.client, ['approver']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
  });

  const fundOf = async (id: string) => (await t.owner.client.get(`/api/v1/funds/${id}`)).json();

  it('takes a cash expense out of the box when recorded, and puts it back when the draft is discarded', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    const created = await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }));
    expect(created.statusCode).toBe(201);
    const expense = created.json();
    expect(expense).toMatchObject({ status: 'draft', invoicePending: true, totalMxn: '150.00' });
    expect(expense.findings.map((f: { code: string }) => f.code)).toContain('MISSING_CFDI');
    expect(await fundOf(fund.id)).toMatchObject({ cash: '850.00', pendingVouchers: '150.00' });
    const discarded = await custodian.client.post(`/api/v1/expenses/${expense.id}/discard`);
    expect(discarded.json().status).toBe('discarded');
    expect(await fundOf(fund.id)).toMatchObject({ cash: '1000.00', pendingVouchers: '0.00' });
    const kinds = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`))
      .json()
      .data.map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(['expense_discarded', 'expense_paid_from_fund', 'fund_opened']);
  });

  it('refuses amounts that do not add up, a cash expense without a fund, and bad amounts', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const noIva = await custodian.client.post(
      '/api/v1/expenses',
      ticket({ fundId: fund.id, subtotal: '100.00', total: '116.00' }),
    );
    expect(noIva.statusCode).toBe(400);
    expect(noIva.json()).toMatchObject({ code: 'EXPENSE_AMOUNTS_DO_NOT_ADD', errors: [{ path: 'total' }] });
    const withIva = await custodian.client.post(
      '/api/v1/expenses',
      ticket({ fundId: fund.id, subtotal: '100.00', taxes: { ivaTransferred: '16.00' }, total: '116.00' }),
    );
    expect(withIva.statusCode).toBe(201);
    expect((await custodian.client.post('/api/v1/expenses', ticket())).json().code).toBe('FUND_REQUIRED');
    const ancient = await custodian.client.post(
      '/api/v1/expenses',
      ticket({ fundId: fund.id, date: '1990-01-01' }),
    );
    expect(ancient.json()).toMatchObject({ code: 'EXPENSE_DATE_OUT_OF_RANGE', errors: [{ path: 'date' }] });
    const future = await custodian.client.post(
      '/api/v1/expenses',
      ticket({ fundId: fund.id, date: '2999-01-01' }),
    );
    expect(future.json().code).toBe('EXPENSE_DATE_OUT_OF_RANGE');
    for (const total of ['0.00', '-1.00', '1.001']) {
      const bad = await custodian.client.post(
        '/api/v1/expenses',
        ticket({ fundId: fund.id, total, subtotal: '0.00' }),
      );
      expect(bad.statusCode).toBe(400);
    }
  });

  it('refuses an expense on a closed fund and one on a fund the person does not hold', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    await t.owner.client.post(`/api/v1/funds/${fund.id}/close`, {});
    const closed = await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('FUND_CLOSED');
    const ownerFund = await openFund(t.owner.client, {
      custodianId: await membershipIdOf(t.owner.client, t.owner.userId),
    });
    const notHeld = await custodian.client.post('/api/v1/expenses', ticket({ fundId: ownerFund.id }));
    expect(notHeld.statusCode).toBe(404);
  });

  it('moves an expense through submit and approve; nobody approves their own; approved cannot change', async () => {
    const fund = await openFund(t.owner.client, { custodianId });
    const expense = (await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }))).json();
    expect((await approver.client.post(`/api/v1/expenses/${expense.id}/approve`)).json().code).toBe(
      'EXPENSE_INVALID_TRANSITION',
    );
    expect((await custodian.client.post(`/api/v1/expenses/${expense.id}/submit`)).json().status).toBe(
      'submitted',
    );
    const own = await custodian.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(own.statusCode).toBe(403);
    const approved = await approver.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const edit = await custodian.client.patch(`/api/v1/expenses/${expense.id}`, { concept: 'otro' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('reversa');
  });

  it('keeps a rejected cash expense in pending vouchers, marked to recover', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '500.00' });
    const expense = (await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }))).json();
    await custodian.client.post(`/api/v1/expenses/${expense.id}/submit`);
    const rejected = await approver.client.post(`/api/v1/expenses/${expense.id}/reject`, {
      reason: 'Sin ticket legible',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      toRecover: true,
      rejectionReason: 'Sin ticket legible',
    });
    expect(await fundOf(fund.id)).toMatchObject({ cash: '350.00', pendingVouchers: '150.00' });
  });

  it('moves the cash when a draft changes from the fund to employee-paid', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '500.00' });
    const expense = (await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }))).json();
    const changed = await custodian.client.patch(`/api/v1/expenses/${expense.id}`, {
      paymentMethod: 'employee',
    });
    expect(changed.json()).toMatchObject({ paymentMethod: 'employee' });
    expect(await fundOf(fund.id)).toMatchObject({ cash: '500.00', pendingVouchers: '0.00' });
  });

  it('flags fuel paid in cash and cash over $2,000', async () => {
    const categories = (await t.owner.client.get('/api/v1/categories')).json().data;
    const fuel = categories.find((c: { code: string }) => c.code === 'COMBUSTIBLE');
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '5000.00' });
    const expense = (
      await custodian.client.post(
        '/api/v1/expenses',
        ticket({ fundId: fund.id, categoryId: fuel.id, subtotal: '2500.00', total: '2500.00' }),
      )
    ).json();
    expect(expense.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['CASH_OVER_LIMIT', 'FUEL_PAID_IN_CASH', 'MISSING_CFDI']),
    );
  });

  it("answers 404 for another organization's expense and category", async () => {
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra' });
    const fund = await openFund(t.owner.client, { custodianId });
    const expense = (await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id }))).json();
    expect((await other.client.get(`/api/v1/expenses/${expense.id}`)).statusCode).toBe(404);
    const otherCategory = (await other.client.get('/api/v1/categories')).json().data[0];
    const foreign = await custodian.client.post(
      '/api/v1/expenses',
      ticket({ paymentMethod: 'employee', categoryId: otherCategory.id }),
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('CATEGORY_NOT_FOUND');
  });

  it("sends several drafts to approval, each on its own: another organization's is not found, a sent one conflicts", async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    const draft = async (concept: string) =>
      (await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id, concept }))).json();
    const a = await draft('Garrafones');
    const b = await draft('Papel higiénico');
    const sent = await draft('Escobas');
    await custodian.client.post(`/api/v1/expenses/${sent.id}/submit`);
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra más' });
    const foreign = (
      await other.client.post('/api/v1/expenses', ticket({ paymentMethod: 'employee', concept: 'Ajeno' }))
    ).json();

    const answer = await custodian.client.post('/api/v1/expenses/bulk-submit', {
      ids: [a.id, sent.id, foreign.id, b.id, a.id],
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().results).toEqual([
      { id: a.id, ok: true, status: 'submitted', error: null },
      {
        id: sent.id,
        ok: false,
        status: null,
        error: { code: 'EXPENSE_INVALID_TRANSITION', detail: expect.stringContaining('enviado') },
      },
      {
        id: foreign.id,
        ok: false,
        status: null,
        error: { code: 'EXPENSE_NOT_FOUND', detail: expect.any(String) },
      },
      { id: b.id, ok: true, status: 'submitted', error: null },
    ]);
    expect((await t.owner.client.get(`/api/v1/expenses/${b.id}`)).json().status).toBe('submitted');
    expect((await other.client.get(`/api/v1/expenses/${foreign.id}`)).json().status).toBe('draft');

    // Someone who sees the draft but may not change it (an approver) is told so, per expense.
    const c = await draft('Jabón');
    const byApprover = await approver.client.post('/api/v1/expenses/bulk-submit', { ids: [c.id] });
    expect(byApprover.json().results).toMatchObject([
      { id: c.id, ok: false, error: { code: 'EXPENSE_NOT_YOURS' } },
    ]);
    expect((await custodian.client.post('/api/v1/expenses/bulk-submit', { ids: [] })).statusCode).toBe(400);
    const auditor = await addMember(t, t.owner.client, ['auditor']);
    expect((await auditor.client.post('/api/v1/expenses/bulk-submit', { ids: [c.id] })).statusCode).toBe(403);
  });

  it('lists with filters and keyset pagination; an employee sees only their own', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '5000.00' });
    for (let i = 0; i < 5; i++)
      await custodian.client.post('/api/v1/expenses', ticket({ fundId: fund.id, concept: `Gasto ${i}` }));
    const first = (await t.owner.client.get(`/api/v1/expenses?fundId=${fund.id}&limit=2`)).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await t.owner.client.get(`/api/v1/expenses?fundId=${fund.id}&limit=2&cursor=${first.nextCursor}`)
    ).json();
    const third = (
      await t.owner.client.get(`/api/v1/expenses?fundId=${fund.id}&limit=2&cursor=${second.nextCursor}`)
    ).json();
    const concepts = [...first.data, ...second.data, ...third.data].map(
      (e: { concept: string }) => e.concept,
    );
    expect(concepts).toEqual(['Gasto 4', 'Gasto 3', 'Gasto 2', 'Gasto 1', 'Gasto 0']);
    expect(third.nextCursor).toBeNull();
    const employee = await addMember(t, t.owner.client, ['employee']);
    expect((await employee.client.get('/api/v1/expenses')).json().data).toEqual([]);
    const pending = (
      await t.owner.client.get(`/api/v1/expenses?fundId=${fund.id}&invoicePending=true&findings=warnings`)
    ).json();
    expect(pending.data.length).toBe(5);
  });
});

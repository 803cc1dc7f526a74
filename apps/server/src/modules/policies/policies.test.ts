import { describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('expense limit policies on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });

  const spend = (total: string, categoryId?: string) =>
    t.owner.client.post('/api/v1/expenses', {
      date: '2026-11-20',
      concept: 'Compra',
      subtotal: total,
      total,
      paymentMethod: 'employee',
      ...(categoryId ? { categoryId } : {}),
    });
  const codes = (response: { json(): { findings: { code: string }[] } }) =>
    response.json().findings.map((f) => f.code);

  it('flags expenses over the organization limit, and a category limit overrides it', async () => {
    const general = await t.owner.client.post('/api/v1/policies', {
      kind: 'expense_limits',
      maxPerExpense: '1000.00',
      cfdiRequiredAbove: '500.00',
    });
    expect(general.statusCode).toBe(201);
    const over = await spend('1200.00');
    expect(codes(over)).toEqual(expect.arrayContaining(['POLICY_MAX_PER_EXPENSE', 'POLICY_CFDI_REQUIRED']));
    expect(
      over.json().findings.find((f: { code: string }) => f.code === 'POLICY_MAX_PER_EXPENSE').message,
    ).toContain('$1,000.00');

    const categories = (await t.owner.client.get('/api/v1/categories')).json().data;
    const travel = categories.find((c: { code: string }) => c.code === 'VIATICOS');
    await t.owner.client.post('/api/v1/policies', {
      kind: 'expense_limits',
      categoryId: travel.id,
      maxPerExpense: '5000.00',
    });
    expect(codes(await spend('1200.00', travel.id))).not.toContain('POLICY_MAX_PER_EXPENSE');
    const replaced = await t.owner.client.post('/api/v1/policies', {
      kind: 'expense_limits',
      maxPerExpense: '2000.00',
    });
    expect(replaced.statusCode).toBe(200);
    expect((await t.owner.client.get('/api/v1/policies')).json().data).toHaveLength(2);
  });

  it('lets only admins set policies, and refuses nonsense limits', async () => {
    const employee = await addMember(t, t.owner.client, ['employee']);
    expect(
      (await employee.client.post('/api/v1/policies', { kind: 'expense_limits', maxPerExpense: '1.00' }))
        .statusCode,
    ).toBe(403);
    const negative = await t.owner.client.post('/api/v1/policies', {
      kind: 'expense_limits',
      maxPerExpense: '-5',
    });
    expect(negative.statusCode).toBe(400);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { createApprovalReminders } from './approval-reminders.js';

type Member = Awaited<ReturnType<typeof addMember>>;

describe.each(testDatabaseKinds())('approval rules and chains on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Member;
  let approver: Member;
  let secondApprover: Member;
  let admin: Member;
  let adminId: string;
  let fundId: string;

  beforeAll(async () => {
    custodian = await addMember(t, t.owner.client, ['custodian']);
    approver = await addMember(t, t.owner.client, ['approver']);
    secondApprover = await addMember(t, t.owner.client, ['approver']);
    admin = await addMember(t, t.owner.client, ['admin']);
    adminId = await membershipIdOf(t.owner.client, admin.userId);
    const custodianId = await membershipIdOf(t.owner.client, custodian.userId);
    fundId = (await openFund(t.owner.client, { custodianId, authorizedAmount: '100000.00' })).id;
    // Tried in order: up to $500 approved automatically; from $5,000 an approver then the admin.
    const auto = await t.owner.client.post('/api/v1/approval-rules', {
      name: 'Gastos menores',
      maxAmount: '500.00',
      autoApprove: true,
    });
    expect(auto.statusCode).toBe(201);
    const large = await t.owner.client.post('/api/v1/approval-rules', {
      name: 'Gastos mayores',
      minAmount: '5000.00',
      levels: [{ role: 'approver' }, { membershipId: adminId }],
    });
    expect(large.json()).toMatchObject({
      position: 2,
      levels: [
        { role: 'approver', membershipId: null },
        { role: null, membershipId: adminId },
      ],
    });
  });

  async function submitted(total: string, concept = 'Compra') {
    const created = await custodian.client.post('/api/v1/expenses', {
      date: '2026-11-20',
      concept,
      subtotal: total,
      total,
      paymentMethod: 'fund_cash',
      fundId,
    });
    expect(created.statusCode).toBe(201);
    const sent = await custodian.client.post(`/api/v1/expenses/${created.json().id}/submit`);
    expect(sent.statusCode).toBe(200);
    return sent.json();
  }
  const inbox = async (client: TestClient) =>
    (await client.get('/api/v1/expenses?awaitingMyApproval=true&limit=200'))
      .json()
      .data.map((e: { id: string }) => e.id);

  it('approves an expense under an automatic rule when it is submitted, with nobody as decider', async () => {
    const expense = await submitted('300.00');
    expect(expense).toMatchObject({ status: 'approved', autoApproved: true });
    const steps = await t.owner.client.get(`/api/v1/expenses/${expense.id}/approvals`);
    expect(steps.json().data).toEqual([]);
  });

  it('walks a two-level chain: the approver, then the named admin; each level only by whom it names', async () => {
    const expense = await submitted('6000.00', 'Refacciones');
    expect(expense.status).toBe('submitted');
    expect(await inbox(approver.client)).toContain(expense.id);
    expect(await inbox(admin.client)).not.toContain(expense.id);

    const byAdminTooEarly = await admin.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(byAdminTooEarly.statusCode).toBe(403);
    expect(byAdminTooEarly.json()).toMatchObject({ code: 'APPROVAL_NOT_YOUR_LEVEL' });
    expect(byAdminTooEarly.json().detail).toContain('un aprobador');

    const first = await approver.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(first.json()).toMatchObject({ status: 'submitted' });
    const again = await approver.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(again.json().code).toBe('APPROVAL_SAME_PERSON');
    const otherApprover = await secondApprover.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(otherApprover.json().code).toBe('APPROVAL_NOT_YOUR_LEVEL');
    expect(otherApprover.json().detail).toContain('Miembro de Prueba');
    expect(await inbox(approver.client)).not.toContain(expense.id);
    expect(await inbox(admin.client)).toContain(expense.id);

    const last = await admin.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(last.json()).toMatchObject({ status: 'approved', autoApproved: false });
    const steps = (await t.owner.client.get(`/api/v1/expenses/${expense.id}/approvals`)).json().data;
    expect(steps).toMatchObject([
      { level: 1, status: 'approved', waitingFor: 'un aprobador', decidedBy: { name: 'Miembro de Prueba' } },
      { level: 2, status: 'approved', approver: { id: adminId } },
    ]);
    const audit = (await t.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    expect(audit.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['expense.level_approved', 'expense.approved']),
    );
  });

  it('tells each person whether they may decide the expense now: their level, one level each, never their own', async () => {
    const expense = await submitted('6500.00', 'Herramienta');
    const canDecide = async (client: TestClient, id = expense.id) => {
      const answer = await client.get(`/api/v1/expenses/${id}/approvals`);
      expect(answer.statusCode).toBe(200);
      return answer.json().canDecide;
    };
    // Level 1 waits for an approver: either approver, not the admin named for level 2, not the spender.
    expect(await canDecide(approver.client)).toBe(true);
    expect(await canDecide(secondApprover.client)).toBe(true);
    expect(await canDecide(admin.client)).toBe(false);
    expect(await canDecide(t.owner.client)).toBe(false);
    expect(await canDecide(custodian.client)).toBe(false);

    await approver.client.post(`/api/v1/expenses/${expense.id}/approve`);
    // Level 2 is the named admin's; the approver who decided level 1 may not decide again.
    expect(await canDecide(approver.client)).toBe(false);
    expect(await canDecide(secondApprover.client)).toBe(false);
    expect(await canDecide(admin.client)).toBe(true);
    expect(await canDecide(t.owner.client)).toBe(false);

    await admin.client.post(`/api/v1/expenses/${expense.id}/approve`);
    expect(await canDecide(admin.client)).toBe(false);

    // An approver's own expense waits for another approver.
    const own = await approver.client.post('/api/v1/expenses', {
      date: '2026-11-20',
      concept: 'Viaje a Monterrey',
      subtotal: '5200.00',
      total: '5200.00',
      paymentMethod: 'employee',
    });
    await approver.client.post(`/api/v1/expenses/${own.json().id}/submit`);
    expect(await canDecide(approver.client, own.json().id)).toBe(false);
    expect(await canDecide(secondApprover.client, own.json().id)).toBe(true);
    expect((await approver.client.post(`/api/v1/expenses/${own.json().id}/approve`)).statusCode).toBe(403);
  });

  it('a rejection at any level rejects the expense and skips the levels after it', async () => {
    const expense = await submitted('7000.00');
    const rejected = await approver.client.post(`/api/v1/expenses/${expense.id}/reject`, {
      reason: 'Sin cotización',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Sin cotización' });
    const steps = (await t.owner.client.get(`/api/v1/expenses/${expense.id}/approvals`)).json().data;
    expect(steps.map((s: { status: string }) => s.status)).toEqual(['rejected', 'skipped']);
  });

  it('decides in bulk, reporting each expense: own expenses and decided ones fail alone', async () => {
    const a = await submitted('1000.00');
    const b = await submitted('1200.00');
    const done = await submitted('200.00'); // auto-approved already
    const answer = await approver.client.post('/api/v1/expenses/bulk-approve', {
      ids: [a.id, b.id, done.id],
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().results).toMatchObject([
      { id: a.id, ok: true, status: 'approved' },
      { id: b.id, ok: true, status: 'approved' },
      { id: done.id, ok: false, error: { code: 'EXPENSE_INVALID_TRANSITION' } },
    ]);
    const c = await submitted('1300.00');
    const noReason = await approver.client.post('/api/v1/expenses/bulk-reject', { ids: [c.id] });
    expect(noReason.statusCode).toBe(400);
    const own = await custodian.client.post('/api/v1/expenses/bulk-approve', { ids: [c.id] });
    expect(own.statusCode).toBe(403);
  });

  it('exactly one of two concurrent approvals of a single-level expense wins', async () => {
    const expense = await submitted('2500.00');
    const answers = await Promise.all(
      [approver, secondApprover].map((member) =>
        member.client.post(`/api/v1/expenses/${expense.id}/approve`),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.json().detail).toContain('aprobado');
  });

  it('refuses rules whose approvers cannot approve or whose range is upside down', async () => {
    const employee = await addMember(t, t.owner.client, ['employee']);
    const employeeId = await membershipIdOf(t.owner.client, employee.userId);
    const cases = [
      [{ name: 'x', levels: [{ role: 'employee' }] }, 'APPROVER_ROLE_INVALID'],
      [{ name: 'x', levels: [{ membershipId: employeeId }] }, 'APPROVER_INVALID'],
      [
        { name: 'x', minAmount: '10.00', maxAmount: '5.00', levels: [{ role: 'admin' }] },
        'APPROVAL_RANGE_INVALID',
      ],
      [{ name: 'x', levels: [] }, 'APPROVAL_LEVELS_REQUIRED'],
    ] as const;
    for (const [body, code] of cases) {
      const answer = await t.owner.client.post('/api/v1/approval-rules', body);
      expect(answer.statusCode).toBe(400);
      expect(answer.json().code).toBe(code);
    }
    expect((await approver.client.post('/api/v1/approval-rules', cases[0][0])).statusCode).toBe(403);
  });

  it('reminds the approvers of a level waiting more than a day, once a day, never the spender', async () => {
    const expense = await submitted('8000.00', 'Llantas');
    const reminders = createApprovalReminders({
      db: t.database.db,
      mailer: t.mailer,
      jobs: { register: () => {}, schedule: () => {} } as never,
      config: { appUrl: 'http://localhost:3000' },
      log: { error: () => {} },
    });
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    const before = t.mailer.sent.length;
    expect(await reminders.sendDueReminders(tomorrow)).toBeGreaterThanOrEqual(2);
    const mails = t.mailer.sent.slice(before);
    const recipients = mails.map((mail) => mail.to);
    expect(recipients).toEqual(expect.arrayContaining([approver.email, secondApprover.email]));
    expect(recipients).not.toContain(custodian.email);
    expect(mails.find((mail) => mail.to === approver.email)?.text).toContain('Llantas');
    expect(await reminders.sendDueReminders(tomorrow)).toBe(0);
    await approver.client.post(`/api/v1/expenses/${expense.id}/approve`);
  });
  it('decides an expense submitted before chains existed under the rules of today, rejection included', async () => {
    const expense = await submitted('800.00', 'Anterior a las reglas');
    // As if submitted before approval chains existed: no levels planned.
    await t.database.db.execute(sql`DELETE FROM expense_approval_steps WHERE expense_id = ${expense.id}`);
    const rules = (await t.owner.client.get('/api/v1/approval-rules')).json().data as {
      id: string;
      name: string;
    }[];
    const minor = rules.find((rule) => rule.name === 'Gastos menores')?.id;
    await t.owner.client.patch(`/api/v1/approval-rules/${minor}`, { maxAmount: '1000.00' });
    try {
      const view = (await approver.client.get(`/api/v1/expenses/${expense.id}/approvals`)).json();
      expect(view.canDecide).toBe(true);
      const rejected = await approver.client.post(`/api/v1/expenses/${expense.id}/reject`, {
        reason: 'Sin ticket',
      });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({ status: 'rejected' });
    } finally {
      await t.owner.client.patch(`/api/v1/approval-rules/${minor}`, { maxAmount: '500.00' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { advanceTeam, handOutCash, mexicoDay, openFund } from '../../../test/helpers/advance-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { createAdvanceReminders } from './advance-reminders.js';

describe.each(testDatabaseKinds())('advance reminders on %s', (kind) => {
  const t = useTestApp(kind);

  it('emails the employee about advances due within two days or overdue, at most once a day', async () => {
    const team = await advanceTeam(t);
    const fund = await openFund(team.owner.client, { custodianId: team.custodian.membershipId });
    const soon = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '800.00',
      dueDate: mexicoDay(1),
    });
    await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '300.00',
      dueDate: mexicoDay(20),
    });
    const reminders = createAdvanceReminders({
      db: t.database.db,
      mailer: t.mailer,
      jobs: { register: () => {}, schedule: () => {} },
      config: { appUrl: 'http://localhost:3000' },
      log: { error: () => {} },
    });
    const mailsTo = () =>
      t.mailer.sent.filter((m) => m.to === team.employee.email && m.text.includes('Anticipo'));

    const now = new Date();
    expect(await reminders.sendDueReminders(now)).toBe(1);
    expect(mailsTo()).toHaveLength(1);
    expect(mailsTo()[0]?.text).toContain(`Anticipo ${soon.folio}`);
    expect(mailsTo()[0]?.text).toContain(`vence el ${mexicoDay(1)}`);
    expect(mailsTo()[0]?.text).not.toContain('$300.00');

    // The same day again: nothing new.
    expect(await reminders.sendDueReminders(new Date(now.getTime() + 60_000))).toBe(0);
    // Three days later it is overdue, and reminded again.
    await reminders.sendDueReminders(new Date(now.getTime() + 3 * 86_400_000));
    expect(mailsTo()).toHaveLength(2);
    expect(mailsTo()[1]?.subject).toContain('vencidos');
    expect(mailsTo()[1]?.text).toContain('venció');
  });
});

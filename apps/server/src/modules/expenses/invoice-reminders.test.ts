import { describe, expect, it } from 'vitest';
import { signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { createInvoiceReminders, mexicoCityMonth } from './invoice-reminders.js';

describe('month-end calendar in Mexico City', () => {
  it.each([
    ['2026-11-27T16:00:00Z', '2026-11-27', 3],
    ['2026-11-28T05:30:00Z', '2026-11-27', 3], // still the 27th in Mexico City
    ['2026-02-25T18:00:00Z', '2026-02-25', 3],
    ['2028-02-26T18:00:00Z', '2028-02-26', 3], // leap year
    ['2026-12-31T18:00:00Z', '2026-12-31', 0],
  ])('%s is %s there, %i days before the month ends', (instant, today, days) => {
    const month = mexicoCityMonth(new Date(instant));
    expect(month.today).toBe(today);
    expect(month.daysToMonthEnd).toBe(days);
  });
});

describe('invoice reminders (pglite)', () => {
  const t = useTestApp('pglite');

  it('emails each person their expenses of the month still without CFDI, three days before it closes', async () => {
    const owner = await signUpVerifiedOwner(t);
    const ticket = (date: string, concept: string) =>
      owner.client.post('/api/v1/expenses', {
        date,
        concept,
        subtotal: '80.00',
        total: '80.00',
        paymentMethod: 'employee',
      });
    await ticket('2026-11-10', 'Estacionamiento');
    await ticket('2026-11-12', 'Papelería');
    await ticket('2026-10-30', 'Del mes pasado');
    const reminders = createInvoiceReminders({
      db: t.database.db,
      mailer: t.mailer,
      jobs: { register: () => {}, schedule: () => {} },
      config: { appUrl: 'http://localhost:3000' },
      log: { error: () => {} },
    });
    expect(await reminders.sendDueReminders(new Date('2026-11-20T16:00:00Z'))).toBe(0);
    const sent = await reminders.sendDueReminders(new Date('2026-11-27T16:00:00Z'));
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = t.mailer.sent.find((m) => m.to === owner.email && m.subject.includes('factura'));
    expect(mail?.subject).toContain('2 facturas');
    expect(mail?.text).toContain('Estacionamiento');
    expect(mail?.text).toContain('2026-11-30');
    expect(mail?.text).not.toContain('Del mes pasado');
  });
});

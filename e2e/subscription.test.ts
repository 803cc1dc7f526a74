import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/fixture.js';
import { visible } from './helpers/locators.js';
import { inviteAndJoin, PASSWORD } from './helpers/people.js';
import { shots } from './helpers/screenshots.js';

const OWNER_EMAIL = 'direccion@papeleria-ortiz.example.mx';
const EMPLOYEE_EMAIL = 'compras@papeleria-ortiz.example.mx';
/** The sandbox's CLABE (apps/server sandbox gateway), as the page groups it. */
const SANDBOX_CLABE = '002 010 0777 7777 7771';

/** A day as the page writes it: es-MX long date in Mexico City, e.g. "5 de febrero de 2026". */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'America/Mexico_City' }).format(
    new Date(iso),
  );

describe('the owner pays a plan during the free month and suspends it in the browser', () => {
  const session = useBrowserSession({
    owner: { email: OWNER_EMAIL, name: 'Andrea Ortiz', organizationName: 'Papelería Ortiz' },
  });
  let trialEnd: string;

  beforeAll(async () => {
    const { owner, server } = session;
    await inviteAndJoin(owner, server.url, {
      email: EMPLOYEE_EMAIL,
      name: 'Tomás Vega',
      role: 'employee',
      password: PASSWORD,
    });
    trialEnd = longDate((await owner.request('GET', '/api/v1/subscription')).trialEndsAt);
  });

  it('shows the free month, pays the annual plan by SPEI and simulates the payment', async () => {
    const { owner, page } = session;
    // A new organization is in its first days: no reminder yet.
    await page.getByRole('link', { name: 'Inicio' }).waitFor();
    expect(await page.getByText(/Tu prueba gratuita termina en/).count()).toBe(0);

    await page.getByRole('link', { name: 'Suscripción' }).click();
    await page.getByRole('heading', { name: 'Suscripción', level: 1 }).waitFor();
    await page.getByText('Modo de pruebas', { exact: true }).waitFor();
    await page.getByText('Prueba gratuita', { exact: true }).waitFor();
    const daysLeft = await page.getByText(/^\d+ días restantes$/).textContent();
    expect(Number.parseInt(daysLeft ?? '', 10)).toBeGreaterThanOrEqual(27);
    expect(Number.parseInt(daysLeft ?? '', 10)).toBeLessThanOrEqual(31);
    await page.getByText(`Tu prueba gratuita termina el ${trialEnd}.`).waitFor();
    // Both plans with IVA, the annual one with its saving; every method the sandbox offers.
    await page.getByRole('radio', { name: /Plan mensual/ }).waitFor();
    await page.getByText(/^Ahorras \$[\d,]+\.\d\d al año$/).waitFor();
    await page.getByText('$4,990.00 + IVA $798.40').waitFor();
    await shots(page, 'subscription-trial');

    // Cash at OXXO first: a reference with its expiry, and the warning that cash over $2,000 is not deductible.
    await page.getByRole('radio', { name: /Plan anual/ }).click();
    await page.getByRole('radio', { name: 'Efectivo en OXXO' }).check();
    await page.getByRole('button', { name: 'Pagar', exact: true }).click();
    await page.getByText('Referencia para pagar en OXXO').waitFor();
    await page.getByText(/^Vence el \d+ de \w+ de \d{4}/).waitFor();
    await page.getByText(/no es deducible para tu empresa/).waitFor();
    await page.getByRole('button', { name: 'Copiar referencia' }).waitFor();
    await shots(page, 'subscription-oxxo-instructions');

    // Changing one's mind: SPEI replaces the voucher (one pending payment at a time).
    await page.getByRole('radio', { name: 'Transferencia SPEI' }).check();
    await page.getByText('Total a pagar: $5,788.40 · Plan anual · Transferencia SPEI').waitFor();
    await page.getByRole('button', { name: 'Pagar', exact: true }).click();

    await page.getByRole('heading', { name: 'Instrucciones de pago' }).waitFor();
    await page.getByText(SANDBOX_CLABE, { exact: true }).waitFor();
    await page.getByText('Banco de pruebas (simulación)').waitFor();
    const payments = await owner.request('GET', '/api/v1/subscription/payments');
    const reference: string = payments.data[0].reference;
    expect(payments.data[0]).toMatchObject({ plan: 'annual', method: 'spei', status: 'pending' });
    expect(payments.data[1]).toMatchObject({ method: 'oxxo', status: 'canceled' });
    expect(await page.getByText(/no es deducible/).count()).toBe(0);
    await page.getByText(reference, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Copiar CLABE' }).waitFor();
    await visible(page.getByText('Pendiente', { exact: true })).waitFor();
    await shots(page, 'subscription-spei-instructions');

    await page.getByRole('button', { name: 'Simular pago (modo de pruebas)' }).click();
    await page.getByText('Pago simulado: quedó confirmado.').waitFor();
    // Paid during the trial: the free month is kept and the annual plan starts when it ends.
    await page.getByText(`Plan anual pagado: empieza el ${trialEnd}`).waitFor();
    await page.getByText('Prueba gratuita', { exact: true }).waitFor();
    await visible(page.getByText('Pagado', { exact: true })).waitFor();
    expect(await page.getByRole('heading', { name: 'Instrucciones de pago' }).count()).toBe(0);
    await page.getByText('Tu próximo periodo ya está pagado.', { exact: false }).waitFor();
    await shots(page, 'subscription-annual-paid');
  });

  it('suspends the plan paid ahead: all 12 months back, access to the end of the trial', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Suspender suscripción' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Suspender tu suscripción?' });
    await dialog
      .getByText('Te devolveremos $5,788.40 ($4,990.00 + IVA $798.40) por 12 meses completos sin usar.')
      .waitFor();
    await dialog.getByText(`Tu acceso sigue hasta el ${trialEnd}.`).waitFor();
    await shots(page, 'subscription-suspend-modal', false);
    await dialog.getByRole('button', { name: 'Confirmar suspensión' }).click();

    await page.getByText('Suspendiste tu suscripción. Te devolveremos $5,788.40.').waitFor();
    await page.getByText('Suspendida', { exact: true }).waitFor();
    await page.getByText(`Suspendiste tu suscripción: tu acceso sigue hasta el ${trialEnd}.`).waitFor();
    expect(await page.getByText(/Plan anual pagado/).count()).toBe(0);
    await shots(page, 'subscription-suspended');
  });

  it('reminds everyone in the last days of the trial and in read-only mode, each with what they can do', async () => {
    const { logIn, page, server } = session;
    // The server's clock cannot be moved here: the answer is rewritten as it would be later on.
    let change: Record<string, unknown> = {};
    await page.route('**/api/v1/subscription', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), ...change } });
    });
    change = { status: 'trialing', nextPlan: null, trialDaysLeft: 3, readOnly: false };
    await page.goto(`${server.url}/app`);
    const reminder = page
      .getByRole('status')
      .filter({ hasText: 'Tu prueba gratuita termina en 3 días — elige un plan' });
    await reminder.waitFor();
    await reminder.getByRole('link', { name: 'Ir a la suscripción' }).waitFor();
    await shots(page, 'subscription-banner-trial');

    change = { status: 'expired', nextPlan: null, trialDaysLeft: null, readOnly: true };
    await page.goto(`${server.url}/app/gastos`);
    const readOnly = page.getByRole('alert').filter({ hasText: 'Tu cuenta está en modo de solo lectura' });
    await readOnly.waitFor();
    await readOnly.getByRole('link', { name: 'Ir a la suscripción' }).click();
    await page.getByRole('heading', { name: 'Suscripción', level: 1 }).waitFor();
    await page.getByText('Vencida', { exact: true }).waitFor();
    await shots(page, 'subscription-read-only');
    await page.unroute('**/api/v1/subscription');

    // Another member: the same notice, told to ask the owner; no subscription link in the menu.
    const employee = await logIn(EMPLOYEE_EMAIL);
    await employee.route('**/api/v1/subscription', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), ...change } });
    });
    await employee.goto(`${server.url}/app`);
    const notice = employee.getByRole('alert').filter({ hasText: 'Tu cuenta está en modo de solo lectura' });
    await notice.getByText('Pide a la persona administradora de la cuenta').waitFor();
    expect(await notice.getByRole('link').count()).toBe(0);
    expect(await employee.getByRole('link', { name: 'Suscripción' }).count()).toBe(0);
    await shots(employee, 'subscription-banner-employee');

    // Typed by hand, the page shows the status only: the owner alone pays and suspends.
    await employee.goto(`${server.url}/app/suscripcion`);
    await employee.getByText('Vencida', { exact: true }).waitFor();
    await employee.getByText('Solo la persona administradora de la cuenta puede elegir un plan').waitFor();
    expect(await employee.getByRole('button', { name: 'Pagar', exact: true }).count()).toBe(0);
    await shots(employee, 'subscription-employee-page');
  });
});

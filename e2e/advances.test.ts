import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/api-client.js';
import { useBrowserSession } from './helpers/fixture.js';
import { visibleText } from './helpers/locators.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, shot } from './helpers/screenshots.js';

const OWNER_EMAIL = 'direccion@transportes-rio.example.mx';

/** Today (and days from it) in Mexico City, as the forms expect dates. */
const mexicoDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe('a manager hands out and settles a cash advance in the browser', () => {
  const session = useBrowserSession({
    owner: { email: OWNER_EMAIL, name: 'Rosa Díaz', organizationName: 'Transportes del Río' },
    ownerPage: false,
  });
  const people: Record<string, { client: ApiClient; membershipId: string }> = {};

  /** Invites a person with this role; they accept (and stay signed in on their client). */
  async function invite(email: string, name: string, role: string) {
    const { owner, server } = session;
    const client = await inviteAndJoin(owner, server.url, { email, name, role, password: PASSWORD });
    people[name] = { client, membershipId: await membershipId(owner, email) };
  }

  /** Luis pays an expense with his money (against the advance, if given), sends it, and Ana approves it. */
  async function approvedExpenseOfLuis(concept: string, total: string, advanceId?: string) {
    const luis = people['Luis Ortega']?.client as ApiClient;
    const expense = await luis.request('POST', '/api/v1/expenses', {
      date: mexicoDay(),
      concept,
      subtotal: total,
      total,
      paymentMethod: 'employee',
      ...(advanceId ? { advanceId } : {}),
    });
    await luis.request('POST', `/api/v1/expenses/${expense.id}/submit`);
    await people['Ana Aprobadora']?.client.request('POST', `/api/v1/expenses/${expense.id}/approve`);
    return expense as { id: string };
  }

  beforeAll(async () => {
    await invite('carla@transportes-rio.example.mx', 'Carla Méndez', 'custodian');
    await invite('luis@transportes-rio.example.mx', 'Luis Ortega', 'employee');
    await invite('aprobaciones@transportes-rio.example.mx', 'Ana Aprobadora', 'approver');
    await session.owner.request('POST', '/api/v1/funds', {
      name: 'Caja Matriz',
      custodianId: people['Carla Méndez']?.membershipId,
      authorizedAmount: '5000.00',
    });
  });

  it('hands out $2,000 from a $5,000 fund, and settles $1,500 of expenses with $500 returned', async () => {
    const { server } = session;
    const page = await session.logIn(OWNER_EMAIL);

    await page.getByRole('link', { name: 'Anticipos' }).first().click();
    await page.getByRole('heading', { name: 'Anticipos' }).waitFor();
    await page.getByRole('button', { name: 'Nuevo anticipo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^¿Quién lo recibe\?/).click();
    await page.getByRole('option', { name: /Luis Ortega/ }).click();
    await dialog.getByLabel(/^Motivo/).fill('Visita a clientes en Querétaro');
    await dialog.getByLabel(/^Importe/).fill('2000');
    await dialog.getByLabel(/^Comprobar antes del/).fill(mexicoDay(5));
    await dialog.getByLabel(/^Caja chica/).click();
    await page.getByRole('option', { name: /Caja Matriz/ }).click();
    await shot(page, 'advance-new-modal');
    await dialog.getByRole('button', { name: 'Entregar anticipo' }).click();
    await page.getByRole('heading', { name: /Anticipo 1: Visita a clientes en Querétaro/ }).waitFor();
    const advanceId = page.url().split('/').pop() ?? '';

    // Luis records $1,500 against it and Ana approves, through the API.
    await approvedExpenseOfLuis('Comidas con clientes', '1500.00', advanceId);

    await page.reload();
    await visibleText(page, 'Comidas con clientes').waitFor();
    await page.getByRole('button', { name: 'Liquidar' }).click();
    const settle = page.getByRole('dialog');
    await settle.getByText('Luis Ortega devuelve $500.00 en efectivo a la caja «Caja Matriz».').waitFor();
    await page.waitForTimeout(400); // the modal's opening transition
    await shot(page, 'advance-settle-preview');
    await settle.getByRole('button', { name: 'Liquidar anticipo' }).click();
    await page.getByText('Luis Ortega devolvió $500.00 en efectivo a la caja «Caja Matriz».').waitFor();
    // The fund: cash 5,000 − 2,000 + 500; pending vouchers the 1,500 proved; no advance open.
    const balances = page.getByRole('region', { name: 'Saldos de la caja' });
    await balances.getByText('$3,500.00').waitFor();
    await balances.getByText('$1,500.00').waitFor();
    await expect(balances.getByText('$0.00').count()).resolves.toBe(1);
    await shot(page, 'advance-settled-desktop');

    await page.setViewportSize(PHONE);
    await page.reload();
    await visibleText(page, 'Comidas con clientes').waitFor();
    await visibleText(page, '$3,500.00').waitFor();
    await shot(page, 'advance-settled-phone');
    await page.goto(`${server.url}/app/anticipos`);
    await page.getByText('Liquidados', { exact: true }).click();
    await visibleText(page, /Visita a clientes en Querétaro/).waitFor();
    await page.waitForTimeout(300); // the segmented control's indicator slides
    await shot(page, 'advances-list-phone');
    await page.setViewportSize(DESKTOP);
    await page.reload();
    await page.getByText('Liquidados', { exact: true }).click();
    await visibleText(page, /Visita a clientes en Querétaro/).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'advances-list-desktop');
  });

  it('reimburses by transfer an approved expense the employee paid with their own money', async () => {
    const expense = await approvedExpenseOfLuis('Estacionamiento del aeropuerto', '300.00');

    const { context, server } = session;
    const page = await context.newPage();
    await page.goto(`${server.url}/app/gastos/${expense.id}`);
    await page.getByRole('button', { name: 'Reembolsar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Luis Ortega pagó este gasto con su dinero: se le reembolsan $300.00.').waitFor();
    await dialog.getByLabel(/^Referencia/).fill('SPEI 4471902');
    await page.waitForTimeout(300);
    await shot(page, 'expense-reimburse-modal');
    await dialog.getByRole('button', { name: 'Reembolsar' }).click();
    await page.getByText(/^Reembolsado por transferencia el/).waitFor();
    await expect(page.getByRole('button', { name: 'Reembolsar' }).count()).resolves.toBe(0);
    await shot(page, 'expense-reimbursed');
  });
});

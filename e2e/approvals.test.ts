import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_RECEIVER } from '../apps/server/test/fakes/cfdi-factory.js';
import type { ApiClient } from './helpers/api-client.js';
import { useBrowserSession } from './helpers/fixture.js';
import { visible } from './helpers/locators.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, shot } from './helpers/screenshots.js';

const OWNER_EMAIL = 'direccion@transportes-garza.example.mx';
const CUSTODIAN_EMAIL = 'caja@transportes-garza.example.mx';
const APPROVER_EMAIL = 'supervision@transportes-garza.example.mx';

describe('an approver works through the approvals inbox in the browser', () => {
  const session = useBrowserSession({
    owner: { email: OWNER_EMAIL, name: 'Rosa Garza', organizationName: 'Transportes Garza' },
    ownerPage: false,
  });
  const { logIn } = session;
  const ids: Record<string, string> = {};
  let custodian: ApiClient;
  let fundId: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());

  beforeAll(async () => {
    const { owner, server } = session;
    // Through the API: the owner sets up a custodian, an approver, a fund and a two-level rule.
    await owner.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    custodian = await inviteAndJoin(owner, server.url, {
      email: CUSTODIAN_EMAIL,
      name: 'Carla Méndez',
      role: 'custodian',
      password: PASSWORD,
    });
    await inviteAndJoin(owner, server.url, {
      email: APPROVER_EMAIL,
      name: 'Alberto Ruiz',
      role: 'approver',
      password: PASSWORD,
    });
    const fund = await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Patio',
      custodianId: await membershipId(owner, CUSTODIAN_EMAIL),
      authorizedAmount: '20000.00',
    });
    fundId = fund.id;
    await owner.request('POST', '/api/v1/approval-rules', {
      name: 'Gastos desde $1,000',
      minAmount: '1000.00',
      levels: [{ role: 'approver' }, { role: 'admin' }],
    });
    // The custodian records and submits three expenses paid from the box.
    for (const [concept, total, supplier] of [
      ['Llantas para camioneta', '4800.00', 'Llantera del Norte'],
      ['Tóner para impresora', '1350.00', 'Papelería Central'],
      ['Comida con proveedores', '1900.00', 'Restaurante El Fogón'],
    ] as const) {
      const expense = await custodian.request('POST', '/api/v1/expenses', {
        date: today,
        concept,
        subtotal: total,
        total,
        paymentMethod: 'fund_cash',
        fundId,
        supplier: { name: supplier },
      });
      await custodian.request('POST', `/api/v1/expenses/${expense.id}/submit`);
      ids[concept] = expense.id;
    }
  });

  it('approves two in bulk (on to the admin level) and rejects one with a reason, leaving the inbox empty', async () => {
    const page = await logIn(APPROVER_EMAIL);
    await page.getByRole('link', { name: 'Aprobaciones' }).first().click();
    await page.getByText('3 gastos esperan tu decisión.').waitFor();
    await visible(page.getByText('Llantera del Norte')).waitFor();
    await shot(page, 'approvals-inbox-desktop');

    await page.getByRole('checkbox', { name: 'Seleccionar «Llantas para camioneta»' }).check();
    await page.getByRole('checkbox', { name: 'Seleccionar «Tóner para impresora»' }).check();
    const bulk = page.getByRole('region', { name: 'Acciones con los gastos seleccionados' });
    await bulk.getByText('2 seleccionados').waitFor();
    await shot(page, 'approvals-inbox-selected-desktop');
    await bulk.getByRole('button', { name: 'Aprobar (2)' }).click();
    // Level 1 of 2: both move on to the administrator.
    await page.getByText('2 pasaron al siguiente nivel').waitFor();
    await page.getByText('1 gasto espera tu decisión.').waitFor();
    await shot(page, 'approvals-bulk-summary-desktop');

    await visible(page.getByRole('button', { name: 'Rechazar «Comida con proveedores»' })).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Motivo del rechazo')
      .fill('Las comidas con proveedores no se pagan de caja chica');
    await dialog.getByRole('button', { name: 'Rechazar' }).click();
    await page.getByText('Rechazaste «Comida con proveedores».').waitFor();
    await page.getByText('No tienes gastos por aprobar').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await shot(page, 'approvals-inbox-empty-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: /navegación/i }).waitFor();
    await page.waitForTimeout(500); // the navigation drawer slides away
    await shot(page, 'approvals-inbox-empty-phone');
  });

  it('the owner sees both at the admin level on a phone, approves one and reads each chain', async () => {
    const { server } = session;
    const page = await logIn(OWNER_EMAIL);
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/app/aprobaciones`);
    await page.getByText('2 gastos esperan tu decisión.').waitFor();
    await visible(page.getByText('Llantas para camioneta')).waitFor();
    await visible(page.getByText('Tóner para impresora')).waitFor();
    await expect(page.getByText('Comida con proveedores').count()).resolves.toBe(0);
    await shot(page, 'approvals-inbox-phone');
    await page.getByRole('checkbox', { name: 'Seleccionar todos' }).check();
    await page.getByRole('button', { name: 'Aprobar (2)' }).waitFor();
    await shot(page, 'approvals-inbox-selected-phone');
    await page.getByRole('button', { name: 'Quitar selección' }).click();

    await visible(page.getByRole('button', { name: 'Aprobar «Tóner para impresora»' })).click();
    await page.getByText('Aprobaste «Tóner para impresora».').waitFor();
    await page.getByText('1 gasto espera tu decisión.').waitFor();

    // The one still at level 2: approved by the approver, waiting for an administrator.
    await visible(page.getByRole('link', { name: 'Llantas para camioneta' })).click();
    await page.getByRole('heading', { name: 'Aprobación' }).waitFor();
    await page.getByText('Nivel 1 · Aprobado').waitFor();
    await page.getByText(/^Aprobó Alberto Ruiz/).waitFor();
    await page.getByText('Nivel 2 · Pendiente').waitFor();
    await page.getByText('Espera la decisión de un administrador.').waitFor();
    // Level 2 is an administrator's: the owner may decide it.
    await page.getByRole('button', { name: 'Aprobar', exact: true }).waitFor();
    await shot(page, 'approvals-chain-pending-phone');

    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.url}/app/gastos/${ids['Comida con proveedores']}`);
    await page.getByText('Nivel 1 · Rechazado').waitFor();
    await page.getByText(/^Rechazó Alberto Ruiz/).waitFor();
    await page.getByText('Motivo: Las comidas con proveedores no se pagan de caja chica').waitFor();
    await page.getByText('Nivel 2 · Omitido').waitFor();
    await shot(page, 'approvals-chain-rejected-desktop');

    await page.goto(`${server.url}/app/gastos/${ids['Tóner para impresora']}`);
    await page.getByText('Nivel 2 · Aprobado').waitFor();
    await page.getByText(/^Aprobó Rosa Garza/).waitFor();
    await shot(page, 'approvals-chain-approved-desktop');
  });

  it("approving on the expense's page says when it went on to the next level", async () => {
    const { server } = session;
    const expense = await custodian.request('POST', '/api/v1/expenses', {
      date: today,
      concept: 'Aceite para motor',
      subtotal: '2100.00',
      total: '2100.00',
      paymentMethod: 'fund_cash',
      fundId,
    });
    await custodian.request('POST', `/api/v1/expenses/${expense.id}/submit`);
    const page = await logIn(APPROVER_EMAIL);
    await page.goto(`${server.url}/app/gastos/${expense.id}`);
    await page.getByText('Espera la decisión de un aprobador.').waitFor();
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page
      .getByText('Aprobaste tu nivel de «Aceite para motor»: ahora espera la aprobación del siguiente nivel.')
      .waitFor();
    await page.getByText('Espera la decisión de un administrador.').waitFor();
    // A person decides one level: the buttons go once the approver has decided theirs, and stay
    // gone when the page is opened again.
    await page.getByRole('button', { name: 'Aprobar', exact: true }).waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: 'Rechazar', exact: true }).count()).resolves.toBe(0);
    await shot(page, 'approvals-detail-next-level-desktop');
    await page.reload();
    await page.getByText('Nivel 1 · Aprobado').waitFor();
    await page.getByText('Espera la decisión de un administrador.').waitFor();
    await expect(page.getByRole('button', { name: 'Aprobar', exact: true }).count()).resolves.toBe(0);
    await page.setViewportSize(PHONE);
    await page.getByText('Espera la decisión de un administrador.').waitFor();
    await shot(page, 'approvals-detail-decided-phone');
  });

  it('a requested replenishment joins the inbox and the navigation count until an approver approves it', async () => {
    const { server } = session;
    // The toner expense was approved at both levels: the custodian asks for its replenishment.
    const replenishment = await custodian.request('POST', '/api/v1/replenishments', { fundId });

    // The owner: two expenses at the administrator level and the replenishment.
    const owner = await logIn(OWNER_EMAIL);
    await owner.getByRole('link', { name: 'Aprobaciones (3 por decidir)' }).click();
    const section = owner.getByRole('region', { name: '1 reposición por aprobar' });
    await section.getByRole('link', { name: 'Reposición 1', exact: true }).waitFor();
    await section.getByText('Caja Patio · 1 comprobante').waitFor();
    await section.getByText(/^Solicitada por Carla Méndez · /).waitFor();
    await section.getByText('$1,350.00').waitFor();
    await owner.getByRole('heading', { name: 'Gastos por aprobar' }).waitFor();
    await visible(owner.getByText('Llantas para camioneta')).waitFor();
    await shot(owner, 'approvals-inbox-replenishment-desktop');
    await owner.setViewportSize(PHONE);
    await owner.getByRole('button', { name: /navegación/i }).waitFor();
    await owner.waitForTimeout(500); // the navigation drawer slides away
    await shot(owner, 'approvals-inbox-replenishment-phone');
    await owner.close();

    // The approver has no expense left at their level; they open the replenishment and approve it.
    const page = await logIn(APPROVER_EMAIL);
    await page.getByRole('link', { name: 'Aprobaciones (1 por decidir)' }).click();
    await page.getByText('No tienes gastos por aprobar', { exact: true }).waitFor();
    await shot(page, 'approvals-inbox-only-replenishment-desktop');
    await page.getByRole('link', { name: 'Revisar y aprobar la reposición 1' }).click();
    await page.waitForURL(`${server.url}/app/reposiciones/${replenishment.id}`);
    await page.getByRole('heading', { name: 'Reposición 1' }).waitFor();
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText('Aprobaste la reposición 1.').waitFor();
    await page.getByRole('link', { name: 'Aprobaciones', exact: true }).click();
    await page.getByText('No tienes gastos por aprobar').waitFor();
    await page.getByText('Estás al día.', { exact: false }).waitFor();
    await expect(page.getByRole('region', { name: /reposici/ }).count()).resolves.toBe(0);
  });
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/fixture.js';
import { inviteAndJoin, PASSWORD, saveFiscalData } from './helpers/people.js';
import { settled, shots } from './helpers/screenshots.js';

const OWNER = {
  email: 'direccion@ferreteria-tlaquepaque.example.mx',
  password: PASSWORD,
  name: 'Jorge Navarro',
  organizationName: 'Ferretería Tlaquepaque',
};
const ADMIN_EMAIL = 'administracion@ferreteria-tlaquepaque.example.mx';

const checklist = (page: Page) => page.getByRole('region', { name: 'Configura CajaChica' });
/** One step of the list, by its title. */
const step = (page: Page, title: string) => checklist(page).getByRole('listitem').filter({ hasText: title });
const stateOf = (item: Locator, state: string) => item.getByText(state, { exact: true });

/** Home, once its greeting shows (the checklist, if any, is above the dashboard). */
async function goHome(page: Page) {
  await page.getByRole('link', { name: 'Inicio' }).first().click();
  await page.getByRole('heading', { name: `Hola, ${OWNER.name}`, level: 1 }).waitFor();
}

describe("the owner's setup checklist on the home page", () => {
  const session = useBrowserSession({ owner: OWNER });

  it('shows a new owner the four steps, none done yet', async () => {
    const { page } = session;
    await checklist(page).getByText('0 de 4 listos').waitFor();
    const items = checklist(page).getByRole('listitem');
    expect(await items.count()).toBe(4);
    for (const title of ['Datos fiscales', 'Tu primer fondo', 'Invita a tu equipo', 'Elige tu plan']) {
      await stateOf(step(page, title), 'Pendiente').waitFor();
    }
    // Each step links to the page that does it.
    expect(
      await step(page, 'Datos fiscales')
        .getByRole('link', { name: 'Capturar RFC y razón social' })
        .getAttribute('href'),
    ).toBe('/app/datos-fiscales');
    expect(await step(page, 'Elige tu plan').getByRole('link').getAttribute('href')).toBe('/app/suscripcion');
    await shots(page, 'setup-checklist-new');
  });

  it('says which step could not be checked and still shows the others', async () => {
    const { page } = session;
    await page.route('**/api/v1/funds?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        json: { type: 'about:blank', title: 'Error', status: 500 },
      }),
    );
    await page.reload();
    // The funds query retries server errors before giving up.
    await stateOf(step(page, 'Tu primer fondo'), 'No se pudo revisar').waitFor({ timeout: 15_000 });
    await stateOf(step(page, 'Datos fiscales'), 'Pendiente').waitFor();
    await checklist(page).getByText('0 de 4 listos').waitFor();
    await page.unroute('**/api/v1/funds?*');
    await page.reload();
    await stateOf(step(page, 'Tu primer fondo'), 'Pendiente').waitFor();
  });

  it('marks the fiscal data done once saved', async () => {
    const { page } = session;
    await step(page, 'Datos fiscales').getByRole('link', { name: 'Capturar RFC y razón social' }).click();
    await page.getByRole('heading', { name: 'Datos fiscales', level: 1 }).waitFor();
    // SAT's test taxpayer, valid check digit included.
    await saveFiscalData(page, {
      rfc: 'EKU9003173C9',
      legalName: 'ESCUELA KEMPER URGATE',
      postalCode: '42501',
      taxRegime: '601',
      cfdiUse: 'G03',
      invoiceEmail: 'facturas@ferreteria-tlaquepaque.example.mx',
    });

    await goHome(page);
    await checklist(page).getByText('1 de 4 listos').waitFor();
    await stateOf(step(page, 'Datos fiscales'), 'Listo').waitFor();
    await step(page, 'Datos fiscales').getByRole('link', { name: 'Revisar RFC y razón social' }).waitFor();
    await stateOf(step(page, 'Invita a tu equipo'), 'Pendiente').waitFor();
    await shots(page, 'setup-checklist-fiscal-done');
  });

  it('is only for the owner', async () => {
    const { logIn, owner, server } = session;
    await inviteAndJoin(owner, server.url, {
      email: ADMIN_EMAIL,
      name: 'Mariana Orozco',
      role: 'admin',
      password: PASSWORD,
    });
    const admin = await logIn(ADMIN_EMAIL);
    await admin.getByRole('heading', { name: 'Hola, Mariana Orozco', level: 1 }).waitFor();
    await admin.waitForLoadState('networkidle');
    expect(await checklist(admin).count()).toBe(0);
    await admin.close();

    await session.page.close();
    // The owner's new tab is the one the tests that follow work in.
    const page = await logIn(OWNER.email);
    session.page = page;
    // The admin who joined counts as the team.
    await checklist(page).getByText('2 de 4 listos').waitFor();
    await stateOf(step(page, 'Invita a tu equipo'), 'Listo').waitFor();
  });

  it('stays hidden in this browser after "Ocultar"', async () => {
    const { page } = session;
    await checklist(page).getByRole('button', { name: 'Ocultar' }).click();
    await checklist(page).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: `Hola, ${OWNER.name}`, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await checklist(page).count()).toBe(0);
  });

  it('goes away by itself once every step is done', async () => {
    const { owner, page } = session;
    // Shown again (another browser would still show it), then the two steps left are done by the API.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await checklist(page).getByText('2 de 4 listos').waitFor();
    const me = await owner.request('GET', '/api/v1/me');
    await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Mostrador',
      custodianId: me.membershipId,
      authorizedAmount: '3000.00',
    });
    await page.reload();
    await checklist(page).getByText('3 de 4 listos').waitFor();
    await stateOf(step(page, 'Tu primer fondo'), 'Listo').waitFor();

    const { payment } = await owner.request('POST', '/api/v1/subscription/checkout', {
      plan: 'monthly',
      method: 'spei',
    });
    await owner.request('POST', `/api/v1/subscription/payments/${payment.id}/simulate`);
    // Paid during the trial: the plan starts when the trial ends, as `nextPlan`.
    expect(await owner.request('GET', '/api/v1/subscription')).toMatchObject({
      status: 'trialing',
      nextPlan: 'monthly',
    });

    const answered = ['/organization/fiscal-data', '/funds?', '/members?', '/subscription'].map((part) =>
      page.waitForResponse((response) => response.url().includes(`/api/v1${part}`)),
    );
    await page.reload();
    await Promise.all(answered);
    await page.getByRole('heading', { name: `Hola, ${OWNER.name}`, level: 1 }).waitFor();
    await settled(page);
    expect(await checklist(page).count()).toBe(0);
  });
});

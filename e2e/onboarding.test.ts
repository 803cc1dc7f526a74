import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './helpers/browser.js';
import { useBrowserSession } from './helpers/fixture.js';
import { savedFiscalData, saveFiscalData, submitFiscalData } from './helpers/people.js';
import { shot } from './helpers/screenshots.js';

// Required fields carry Mantine's " *" in their label.
const PASSWORD_LABEL = /^Contraseña( \*)?$/;

/** Opens the newest email to `to` in the local mailbox and follows its action link. */
async function followMailLink(page: Page, baseUrl: string, to: string, linkText: string) {
  await page.goto(`${baseUrl}/dev/mailbox`);
  const mail = page
    .locator('article')
    .filter({ hasText: `Para: ${to}` })
    .first();
  await mail.getByRole('link', { name: linkText }).click();
}

describe('a new customer in the browser', () => {
  // Everything happens in the browser, the sign-up included: no owner is set up beforehand.
  const session = useBrowserSession();
  // The invited member accepts in a browser of their own, while the owner stays logged in in the
  // session's (registered after the session's hooks: closed before its browser and server).
  let invitee: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    invitee = await openBrowser();
  });
  afterAll(async () => {
    await invitee?.close();
  });

  it('signs up, verifies by email, logs in, fills fiscal data, invites a member who accepts, and hands over ownership', async () => {
    const { context, server } = session;
    const page = await context.newPage();
    const ownerEmail = 'ana.lopez@papeleria.mx';
    const memberEmail = 'beto.ruiz@papeleria.mx';

    await page.goto(`${server.url}/registro`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-MX');
    await page.getByLabel('Tu nombre').fill('Ana López');
    await page.getByLabel('Nombre de tu empresa u organización').fill('Papelería El Lápiz');
    await page.getByLabel('Correo electrónico').fill(ownerEmail);
    await page.getByLabel(PASSWORD_LABEL).fill('una contraseña larga');
    await shot(page, '01-registro');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Revisa tu correo').waitFor();
    await shot(page, '02-revisa-tu-correo');

    await followMailLink(page, server.url, ownerEmail, 'Confirmar mi correo');
    await page.getByText('¡Tu correo está verificado!').waitFor();
    await shot(page, '03-verificado');

    await page.goto(`${server.url}/entrar`);
    await page.getByLabel('Correo electrónico').fill(ownerEmail);
    await page.getByLabel(PASSWORD_LABEL).fill('una contraseña larga');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Hola, Ana López').waitFor();
    expect(await page.getByText('Papelería El Lápiz').first().isVisible()).toBe(true);
    await shot(page, '04-inicio');

    await page.getByRole('link', { name: 'Datos fiscales' }).click();
    await submitFiscalData(page, {
      rfc: 'eku9003173c9',
      legalName: 'Escuela Kemper Urgate',
      postalCode: '4250',
      taxRegime: '601',
      cfdiUse: 'G03',
      invoiceEmail: 'facturas@papeleria.mx',
    });
    await page.getByText('5 dígitos', { exact: false }).first().waitFor();
    await saveFiscalData(page, { postalCode: '42501' });
    await shot(page, '04b-datos-fiscales');
    expect(await savedFiscalData(page)).toMatchObject({
      rfc: 'EKU9003173C9',
      legalName: 'ESCUELA KEMPER URGATE',
      taxRegime: '601',
      cfdiUse: 'G03',
    });

    await page.getByRole('link', { name: 'Miembros' }).click();
    await page.getByRole('button', { name: 'Invitar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Correo electrónico').fill(memberEmail);
    await dialog.getByLabel('Roles').click();
    await page.getByRole('option', { name: 'Administrador', exact: true }).click();
    await page.keyboard.press('Escape').catch(() => undefined);
    await shot(page, '05-invitar');
    await dialog.getByRole('button', { name: 'Enviar invitación' }).click();
    await page.getByRole('cell', { name: memberEmail }).first().waitFor();
    await shot(page, '06-invitacion-pendiente');

    const memberPage = await invitee.context.newPage();
    await followMailLink(memberPage, server.url, memberEmail, 'Aceptar la invitación');
    await memberPage.getByText('Te invitaron a unirte a Papelería El Lápiz').waitFor();
    await memberPage.getByLabel('Tu nombre').fill('Beto Ruiz');
    await memberPage.getByLabel(PASSWORD_LABEL).fill('otra contraseña larga');
    await shot(memberPage, '07-aceptar-invitacion');
    await memberPage.getByRole('button', { name: 'Crear cuenta y unirme' }).click();
    await memberPage.getByText('Hola, Beto Ruiz').waitFor();
    await shot(memberPage, '08-miembro-dentro');

    await page.reload();
    const betoRow = page.getByRole('row').filter({ hasText: memberEmail });
    await betoRow.getByRole('button', { name: 'Transferir administración de la cuenta' }).click();
    await page.getByRole('button', { name: 'Sí, transferir administración' }).click();
    await page.getByText('Beto Ruiz ahora es el Administrador de la cuenta.').waitFor();
    await betoRow.getByText('Administrador de la cuenta').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(page, '09-transferida');

    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.roles).toEqual(['admin']);
    const members = await memberPage.evaluate(async () => (await fetch('/api/v1/members')).json());
    const owners = members.data.filter((m: { roles: string[] }) => m.roles.includes('owner'));
    expect(owners.map((m: { user: { email: string } }) => m.user.email)).toEqual([memberEmail]);
  });
});

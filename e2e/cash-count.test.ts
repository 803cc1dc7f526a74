import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/fixture.js';
import { visibleText } from './helpers/locators.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { PHONE, shot } from './helpers/screenshots.js';

/** Waits for the fund's balance cards to show this cash and these pending vouchers. */
async function seeBalances(page: Page, amounts: { cash: string; pending: string }) {
  const balances = page.getByRole('region', { name: 'Saldos de la caja' });
  await balances.getByText(amounts.cash).waitFor();
  await balances.getByText(amounts.pending).waitFor();
}

describe('a custodian counts the cash of a fund in the browser', () => {
  const session = useBrowserSession({
    owner: {
      email: 'tesoreria@tultitlan.example.mx',
      name: 'Tesorería',
      organizationName: 'Refaccionaria Tultitlán',
    },
    ownerPage: false,
  });
  const custodianEmail = 'rosa.ibarra@tultitlan.example.mx';
  let fundId: string;

  beforeAll(async () => {
    const { owner, server } = session;
    await inviteAndJoin(owner, server.url, {
      email: custodianEmail,
      name: 'Rosa Ibarra',
      role: 'custodian',
      password: PASSWORD,
    });
    const fund = await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Mostrador',
      custodianId: await membershipId(owner, custodianEmail),
      authorizedAmount: '2000.00',
    });
    fundId = fund.id;
  });

  const { logIn } = session;

  it('counts $50 short, sees the difference live, and the shortage moves cash to pending vouchers', async () => {
    const { server } = session;
    const page = await logIn(custodianEmail);
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await page.getByRole('link', { name: 'Arqueo' }).click();
    await page.getByRole('heading', { name: 'Arqueo de «Caja Mostrador»' }).waitFor();

    // 3 × $500 + 2 × $200 + 1 × $50 = $1,950 against $2,000 expected.
    await page.getByLabel('Billetes de $500', { exact: true }).fill('3');
    await page.getByLabel('Billetes de $200', { exact: true }).fill('2');
    await visibleText(page, 'Faltante $100.00').waitFor();
    await page.getByLabel('Billetes de $50', { exact: true }).fill('1');
    await visibleText(page, 'Faltante $50.00').waitFor();
    await visibleText(page, '$1,950.00').waitFor();
    // The custodian names a witness from the member directory (names only), never themselves.
    await page.getByRole('combobox', { name: 'Testigo (opcional)' }).waitFor();
    await page.getByLabel('Notas (opcional)').fill('Arqueo sorpresa');
    await shot(page, 'cash-count-desktop-typing');

    await page.getByRole('button', { name: 'Registrar arqueo' }).click();
    await page.getByText(/Se registrará un faltante de \$50\.00/).waitFor();
    await shot(page, 'cash-count-desktop-confirm');
    await page.getByRole('button', { name: 'Sí, registrar' }).click();
    await page.getByText('Arqueo registrado: faltante de $50.00').waitFor();
    await seeBalances(page, { cash: '$1,950.00', pending: '$50.00' });
    const history = page.getByRole('table', { name: 'Arqueos anteriores' });
    await history.getByText('-$50.00').waitFor();
    await shot(page, 'cash-count-desktop-saved');

    await page.getByRole('link', { name: 'Volver a la caja' }).click();
    await page.getByText('Faltante en arqueo').waitFor();
    await seeBalances(page, { cash: '$1,950.00', pending: '$50.00' });
    await shot(page, 'cash-count-fund-after');
    await page.close();
  });

  it('an administrator names a witness other than the custodian', async () => {
    const { server } = session;
    const page = await logIn('tesoreria@tultitlan.example.mx');
    await page.goto(`${server.url}/app/fondos/${fundId}/arqueo`);
    await page.getByLabel('Billetes de $1000', { exact: true }).fill('1');
    await page.getByLabel('Billetes de $500', { exact: true }).fill('1');
    await page.getByLabel('Billetes de $200', { exact: true }).fill('2');
    await page.getByLabel('Monedas de $10', { exact: true }).fill('5');
    await visibleText(page, 'Cuadra').waitFor();
    await page.getByRole('combobox', { name: 'Testigo (opcional)' }).click();
    // The custodian is not offered as witness.
    await expect(page.getByRole('option', { name: 'Rosa Ibarra' }).count()).resolves.toBe(0);
    await page.getByRole('option', { name: 'Tesorería' }).click();
    await page.getByRole('button', { name: 'Registrar arqueo' }).click();
    await page.getByText('Testigo: Tesorería').waitFor();
    await page.getByRole('button', { name: 'Sí, registrar' }).click();
    await page.getByText('Arqueo registrado: la caja cuadra').waitFor();
    const history = page.getByRole('table', { name: 'Arqueos anteriores' });
    await history.getByRole('cell', { name: 'Tesorería', exact: true }).waitFor();
    await shot(page, 'cash-count-admin-witness');
    await page.close();
  });

  it('works on a phone: big numeric fields and the difference pinned to the bottom', async () => {
    const { server } = session;
    const page = await logIn(custodianEmail);
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/app/fondos/${fundId}/arqueo`);
    const field = page.getByLabel('Billetes de $1000', { exact: true });
    await field.waitFor();
    await expect(field.getAttribute('inputmode')).resolves.toBe('numeric');
    await page.getByLabel('Billetes de $1000', { exact: true }).fill('1');
    await page.getByLabel('Billetes de $500', { exact: true }).fill('1');
    await page.getByLabel('Billetes de $200', { exact: true }).fill('2');
    await page.getByLabel('Monedas de $10', { exact: true }).fill('5');
    await visibleText(page, 'Cuadra').waitFor();
    await page.getByLabel('Monedas de $0.50', { exact: true }).fill('1.5');
    await page.getByText('Escribe un número entero de piezas.').waitFor();
    await expect(page.getByRole('button', { name: 'Registrar arqueo' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Monedas de $0.50', { exact: true }).fill('');
    await visibleText(page, 'Cuadra').waitFor();
    await shot(page, 'cash-count-phone', false);
    await shot(page, 'cash-count-phone-full');
    await page.close();
  });
});

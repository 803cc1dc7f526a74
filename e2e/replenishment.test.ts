import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../apps/server/test/fakes/cfdi-factory.js';
import {
  type FakeSatStatusServer,
  startFakeSatStatusServer,
} from '../apps/server/test/fakes/fake-sat-status-server.js';
import { useBrowserSession } from './helpers/fixture.js';
import { visible, visibleText } from './helpers/locators.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, shot } from './helpers/screenshots.js';

describe('a fund is replenished in the browser: requested, a cancelled CFDI excluded, approved and paid', () => {
  let sat: FakeSatStatusServer;
  const ownerEmail = 'finanzas@zumpango.example.mx';
  const custodianEmail = 'luis.ortega@zumpango.example.mx';
  const paper = receivedCfdi({ valorUnitario: '100.00', descripcion: 'Hojas blancas' });
  const toner = receivedCfdi({ valorUnitario: '250.00', descripcion: 'Tóner para impresora' });
  let fundId: string;

  const session = useBrowserSession({
    // The fake SAT answers before the server starts, and until it has stopped.
    async before() {
      sat = await startFakeSatStatusServer();
      for (const cfdi of [paper, toner]) sat.setCfdi(cfdi.uuid, { Estado: 'Vigente', ValidacionEFOS: '200' });
    },
    after: () => sat?.close(),
    env: () => ({ SAT_STATUS_SERVICE: 'online', SAT_STATUS_URL: sat.url, JOBS_POLL_SECONDS: '1' }),
    owner: { email: ownerEmail, name: 'Finanzas', organizationName: 'Comercializadora Zumpango' },
    ownerPage: false,
  });

  beforeAll(async () => {
    // Set up through the API: the organization's fiscal data, its custodian, a fund and two approved
    // CFDI expenses.
    const { owner, server } = session;
    await owner.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const custodian = await inviteAndJoin(owner, server.url, {
      email: custodianEmail,
      name: 'Luis Ortega',
      role: 'custodian',
      password: PASSWORD,
    });
    const fund = await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Sucursal Centro',
      custodianId: await membershipId(owner, custodianEmail),
      authorizedAmount: '5000.00',
    });
    fundId = fund.id;
    const form = new FormData();
    form.append('fundId', fundId);
    for (const [name, cfdi] of [
      ['papel.xml', paper],
      ['toner.xml', toner],
    ] as const) {
      form.append('files', new Blob([cfdi.xml], { type: 'application/xml' }), name);
    }
    const imported = await custodian.request('POST', '/api/v1/expenses/import', form);
    for (const result of imported.results) {
      await custodian.request('POST', `/api/v1/expenses/${result.expense.id}/submit`);
      await owner.request('POST', `/api/v1/expenses/${result.expense.id}/approve`);
    }
  });

  it('the custodian picks the approved vouchers on the fund page and requests the replenishment', async () => {
    const { logIn, server } = session;
    const page = await logIn(custodianEmail);
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await page.getByRole('button', { name: 'Solicitar reposición' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Tóner para impresora').waitFor();
    // 116.00 + 290.00, both chosen by default.
    await dialog.getByText('Total: $406.00').waitFor();
    await dialog.getByRole('checkbox', { name: 'Hojas blancas' }).uncheck();
    await dialog.getByText('Total: $290.00').waitFor();
    await dialog.getByRole('checkbox', { name: 'Hojas blancas' }).check();
    await dialog.getByText('Total: $406.00').waitFor();
    await shot(page, 'replenishment-request-desktop');
    await dialog.getByRole('button', { name: 'Solicitar reposición' }).click();
    await page.waitForURL(/\/app\/reposiciones\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Reposición 1' }).waitFor();
    await page.getByText('Solicitada por Luis Ortega').waitFor();
    await page.close();
  });

  it('an administrator finds the cancelled CFDI, excludes it, approves and records the payment', async () => {
    // The supplier cancelled the toner invoice after it was approved.
    sat.setCfdi(toner.uuid, { Estado: 'Cancelado', EstatusCancelacion: 'Cancelado sin aceptación' });
    const { logIn, server } = session;
    const page = await logIn(ownerEmail);
    await page.getByRole('link', { name: 'Reposiciones' }).first().click();
    await visible(page.getByRole('link', { name: 'Reposición 1' })).click();
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText(/No se puede aprobar: un CFDI está cancelado en el SAT/).waitFor();
    const flag = page.getByText('Cancelado en el SAT: exclúyelo antes de aprobar').filter({ visible: true });
    await flag.first().waitFor();
    await shot(page, 'replenishment-cancelled-cfdi-desktop');

    await page.setViewportSize(PHONE);
    await shot(page, 'replenishment-cancelled-cfdi-phone');
    await page.setViewportSize(DESKTOP);

    await page
      .getByRole('row', { name: /Tóner para impresora/ })
      .getByRole('button', { name: 'Excluir' })
      .click();
    await page.getByLabel(/^Motivo/).fill('El proveedor canceló la factura');
    await page.getByRole('button', { name: 'Excluir comprobante' }).click();
    await visibleText(page, 'Excluido: El proveedor canceló la factura').waitFor();
    await page.getByText('$116.00').first().waitFor();

    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText('Aprobaste la reposición 1.').waitFor();
    await page.getByRole('button', { name: 'Registrar pago' }).click();
    await page.getByLabel(/^Referencia de la transferencia/).fill('SPEI 7781234501');
    await page.getByRole('dialog').getByRole('button', { name: 'Registrar pago' }).click();
    await page.getByText('Registraste el pago de la reposición 1.').waitFor();
    await page.getByText(/Transferencia del .* · SPEI 7781234501/).waitFor();
    await expect(page.getByText('Pagada', { exact: true }).first().isVisible()).resolves.toBe(true);
    // The confirmations fade out; the page behind them is what the screenshot is for.
    await page.getByText('Registraste el pago de la reposición 1.').waitFor({ state: 'detached' });
    await shot(page, 'replenishment-paid-desktop');

    await page.setViewportSize(PHONE);
    await shot(page, 'replenishment-paid-phone');
    await page.goto(`${server.url}/app/reposiciones`);
    await visible(page.getByRole('link', { name: 'Reposición 1' })).waitFor();
    await shot(page, 'replenishments-list-phone');
    await page.setViewportSize(DESKTOP);

    // The paper came back to the box; the cancelled toner is still a voucher to sort out.
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await page.getByText('$4,710.00').first().waitFor();
    await page.getByText('$290.00').first().waitFor();
    await page.getByText('Reposición pagada').first().waitFor();
    await shot(page, 'replenishment-fund-after-payment');
  });
});

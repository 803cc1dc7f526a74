import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../apps/server/test/fakes/cfdi-factory.js';
import {
  type FakeSatStatusServer,
  startFakeSatStatusServer,
} from '../apps/server/test/fakes/fake-sat-status-server.js';
import { zipOf } from '../apps/server/test/helpers/zip.js';
import { useBrowserSession } from './helpers/fixture.js';
import { visible } from './helpers/locators.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, SHOTS, shot } from './helpers/screenshots.js';

const OWNER = 'direccion@ferreteria-lerma.example.mx';
const CUSTODIAN = 'caja@ferreteria-lerma.example.mx';
const APPROVER = 'supervision@ferreteria-lerma.example.mx';
const ACCOUNTANT = 'contabilidad@ferreteria-lerma.example.mx';
// The machine running these tests may be busy: each wait is generous.
const LONG = { timeout: 30_000 };

/** The fund's balance cards, in the order of the imprest equation: cash first, authorized last. */
const balanceCards = (page: Page) =>
  page.getByRole('region', { name: 'Saldos de la caja' }).locator('.mantine-Card-root');

describe('the petty cash cycle in the browser: a CFDI expense, its approval, the replenishment and the póliza', () => {
  let sat: FakeSatStatusServer;
  // IVA 16 % on 850.00: the expense and the replenishment are 986.00.
  const cfdi = receivedCfdi({ valorUnitario: '850.00', descripcion: 'Brocas para concreto' });
  let fundId: string;

  const session = useBrowserSession({
    // The fake SAT answers before the server starts, and until it has stopped.
    async before() {
      sat = await startFakeSatStatusServer();
      sat.setCfdi(cfdi.uuid, { Estado: 'Vigente', ValidacionEFOS: '200' });
    },
    after: () => sat?.close(),
    env: () => ({ SAT_STATUS_SERVICE: 'online', SAT_STATUS_URL: sat.url }),
    owner: { email: OWNER, name: 'Marta Lerma', organizationName: 'Ferretería Lerma' },
    ownerPage: false,
  });
  const { logIn } = session;

  beforeAll(async () => {
    // Setup only, through the API: the organization's fiscal data, its people and a $5,000 fund.
    const { owner, server } = session;
    await owner.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    for (const [email, name, role] of [
      [CUSTODIAN, 'Jorge Salas', 'custodian'],
      [APPROVER, 'Inés Vera', 'approver'],
      [ACCOUNTANT, 'Raúl Cantú', 'accountant'],
    ] as const) {
      await inviteAndJoin(owner, server.url, { email, name, role, password: PASSWORD });
    }
    const fund = await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Mostrador',
      custodianId: await membershipId(owner, CUSTODIAN),
      authorizedAmount: '5000.00',
    });
    fundId = fund.id;
  });

  it('the custodian imports the CFDI into the fund and submits the expense', async () => {
    const { server } = session;
    const zipPath = path.join(server.dataDir, 'facturas-mostrador.zip');
    writeFileSync(zipPath, await zipOf([{ name: 'brocas.xml', content: cfdi.xml }]));
    const page = await logIn(CUSTODIAN);
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await page.getByRole('link', { name: 'Importar CFDI' }).click();
    await page.getByLabel('Elegir archivos').setInputFiles(zipPath);
    await page.getByRole('button', { name: 'Importar (1)' }).click();
    await page.getByText('1 creado').waitFor(LONG);
    await shot(page, 'cycle-1-import');

    await visible(page.getByRole('link', { name: 'Brocas para concreto' })).click();
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    await page.getByText('Enviaste «Brocas para concreto» a aprobación.').waitFor(LONG);
    await shot(page, 'cycle-2-submitted');

    // Paid from the box: the cash went down, the voucher waits to be replenished.
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await balanceCards(page).nth(0).getByText('$4,014.00').waitFor(LONG);
    await balanceCards(page).nth(1).getByText('$986.00').waitFor(LONG);
    await page.close();
  });

  it('the approver approves it from the Aprobaciones inbox', async () => {
    const page = await logIn(APPROVER);
    await page.getByRole('link', { name: 'Aprobaciones' }).first().click();
    await page.getByText('1 gasto espera tu decisión.').waitFor(LONG);
    await visible(page.getByText('ESCUELA KEMPER URGATE')).waitFor();
    await shot(page, 'cycle-3-approvals-inbox');
    await visible(page.getByRole('button', { name: 'Aprobar «Brocas para concreto»' })).click();
    await page.getByText('Aprobaste «Brocas para concreto».').waitFor(LONG);
    await page.getByText('No tienes gastos por aprobar').waitFor(LONG);
    await shot(page, 'cycle-4-approved');
    await page.close();
  });

  it('the custodian requests the replenishment from the fund page', async () => {
    const { server } = session;
    const page = await logIn(CUSTODIAN);
    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await page.getByRole('button', { name: 'Solicitar reposición' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Brocas para concreto').waitFor(LONG);
    await dialog.getByText('Total: $986.00').waitFor();
    await shot(page, 'cycle-5-request');
    await dialog.getByRole('button', { name: 'Solicitar reposición' }).click();
    await page.waitForURL(/\/app\/reposiciones\/[0-9a-f-]{36}$/, LONG);
    await page.getByRole('heading', { name: 'Reposición 1' }).waitFor(LONG);
    await page.getByText('Solicitada por Jorge Salas').waitFor(LONG);
    await shot(page, 'cycle-6-requested');
    await page.close();
  });

  it('the owner approves it and records the payment: the cash is back to $5,000.00', async () => {
    const { server } = session;
    const page = await logIn(OWNER);
    await page.getByRole('link', { name: 'Reposiciones' }).first().click();
    await visible(page.getByRole('link', { name: 'Reposición 1' })).click();
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText('Aprobaste la reposición 1.').waitFor(LONG);
    await page.getByRole('button', { name: 'Registrar pago' }).click();
    await page.getByLabel(/^Referencia de la transferencia/).fill('SPEI 4410098812');
    await page.getByRole('dialog').getByRole('button', { name: 'Registrar pago' }).click();
    await page.getByText('Registraste el pago de la reposición 1.').waitFor(LONG);
    await page.getByText(/Transferencia del .* · SPEI 4410098812/).waitFor(LONG);
    await page.getByText('Registraste el pago de la reposición 1.').waitFor({ state: 'detached', ...LONG });
    await shot(page, 'cycle-7-paid');

    await page.goto(`${server.url}/app/fondos/${fundId}`);
    await balanceCards(page).nth(0).getByText('$5,000.00').waitFor(LONG);
    await balanceCards(page).nth(1).getByText('$0.00').waitFor(LONG);
    await page.getByText('Reposición pagada').first().waitFor(LONG);
    await shot(page, 'cycle-8-fund-restored');
    await page.close();
  });

  it('the accountant downloads the journal XLSX from Reportes, with the CFDI UUID', async () => {
    const page = await logIn(ACCOUNTANT);
    await page.getByRole('link', { name: 'Reportes' }).first().click();
    const journal = page.getByRole('region', { name: 'Pólizas contables' });
    await journal.waitFor(LONG);
    await page.getByRole('heading', { name: 'Gasto por mes' }).waitFor(LONG);
    await shot(page, 'cycle-9-reports');

    const [download] = await Promise.all([
      page.waitForEvent('download', LONG),
      journal.getByRole('link', { name: 'Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^polizas-\d{4}-\d{2}-\d{2}-al-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    expect(cells).toContain(cfdi.uuid);
    expect(cells).toContain('SPEI 4410098812');

    // The SAT's XML: the form answers in Spanish before asking the server, then downloads the month.
    const sat = journal.getByRole('form', { name: 'XML para el SAT (Anexo 24)' });
    await sat.getByRole('button', { name: 'Descargar XML' }).click();
    await sat.getByText('Elige el tipo de solicitud del SAT.').waitFor();
    await sat.getByRole('combobox', { name: /^Tipo de solicitud/ }).click();
    await page.getByRole('option', { name: 'AF · Acto de fiscalización' }).click();
    await sat.getByLabel(/^Número de orden/).fill('abc12345');
    await sat.getByRole('button', { name: 'Descargar XML' }).click();
    await sat.getByText(/El número de orden tiene tres letras/).waitFor();
    await shot(page, 'cycle-10-sat-form-error');
    await sat.getByLabel(/^Número de orden/).fill('abc6912345/12');
    // Last month had no payment: the SAT accepts no empty XML, and the form says why.
    const month = sat.getByRole('combobox', { name: /^Mes/ });
    await month.click();
    await page.getByRole('option').nth(1).click();
    await sat.getByRole('button', { name: 'Descargar XML' }).click();
    await sat
      .getByText(/^No hay reposiciones pagadas en .* el SAT no acepta un XML de pólizas vacío/)
      .waitFor(LONG);
    await month.click();
    await page.getByRole('option').first().click();
    await sat.getByText(/^No hay reposiciones pagadas/).waitFor({ state: 'detached' });
    const [xml] = await Promise.all([
      page.waitForEvent('download', LONG),
      sat.getByRole('button', { name: 'Descargar XML' }).click(),
    ]);
    expect(xml.suggestedFilename()).toMatch(/^MCI7306249Y1\d{6}PL\.xml$/);
    const text = readFileSync(await xml.path(), 'utf8');
    expect(text).toContain(`UUID_CFDI="${cfdi.uuid}"`);
    expect(text).toContain('NumOrden="ABC6912345/12"');
    await page.getByText(/^Se descargó MCI7306249Y1/).waitFor(LONG);
    await page.getByText(/^Se descargó MCI7306249Y1/).waitFor({ state: 'detached', ...LONG });

    await page.setViewportSize(PHONE);
    await journal.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The app's fixed header would cover the top of the section in an element screenshot.
    await journal.screenshot({
      path: path.join(SHOTS, 'cycle-11-polizas-phone.png'),
      style: '.mantine-AppShell-header { visibility: hidden; }',
    });
    await page.setViewportSize(DESKTOP);
    await page.close();
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { useBrowserSession } from './helpers/fixture.js';
import { visible } from './helpers/locators.js';
import { shot } from './helpers/screenshots.js';

const CLI = new URL('../apps/server/dist/cli.js', import.meta.url).pathname;
const SCREENSHOT = process.env.BACKOFFICE_SCREENSHOT ?? '/tmp/backoffice.png';
const OPERATOR = {
  email: 'laura.mendez@cajachica.example.mx',
  name: 'Laura Méndez',
  password: 'operación segura 2026',
};
const OWNER = {
  email: 'direccion@ferreteria-luna.example.mx',
  password: 'una contraseña larga',
  name: 'Julia Luna',
  organizationName: 'Ferretería Luna',
};

describe('the platform operator confirms a customer’s SPEI transfer in the back office', () => {
  let dataDir: string;
  let page: Page;
  let payment: { id: string; reference: string; total: string };

  const session = useBrowserSession({
    before() {
      // The operator is created by the real CLI before the server opens the same embedded database.
      dataDir = mkdtempSync(path.join(tmpdir(), 'cajachica-e2e-backoffice-'));
      const created = spawnSync(process.execPath, [CLI, 'operator:create', OPERATOR.email, OPERATOR.name], {
        env: { ...process.env, DATA_DIR: dataDir, OPERATOR_PASSWORD: OPERATOR.password, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain(`Operador creado: ${OPERATOR.name} <${OPERATOR.email}>.`);
    },
    env: () => ({ DATA_DIR: dataDir }),
    after() {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    // The owner only pays (through the API): the browser is the operator's.
    owner: OWNER,
    ownerPage: false,
  });

  beforeAll(async () => {
    payment = (
      await session.owner.request('POST', '/api/v1/subscription/checkout', {
        plan: 'monthly',
        method: 'spei',
      })
    ).payment;
    page = await session.context.newPage();
  });

  it('signs in at /operador and sees the customer among the organizations', async () => {
    const { server } = session;
    await page.goto(`${server.url}/operador`);
    await page.waitForURL(/\/operador\/entrar/);
    await page.getByRole('heading', { name: 'Back office de CajaChica' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(OPERATOR.email);
    await page.getByLabel(/^Contraseña( \*)?$/).fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/operador\/organizaciones$/);
    await page.getByRole('heading', { name: 'Organizaciones', level: 1 }).waitFor();
    await visible(page.getByText(OWNER.organizationName, { exact: true })).waitFor();
    await visible(page.getByText(OWNER.email, { exact: true })).waitFor();
    await visible(page.getByText('Prueba gratuita', { exact: true })).waitFor();
    await shot(page, 'backoffice-organizations');
  });

  it('records the transfer against the pending SPEI payment, which turns into "Pagado"', async () => {
    await page.getByRole('link', { name: 'Pagos' }).click();
    await page.getByRole('heading', { name: 'Pagos', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: payment.reference });
    await row.getByText('Pendiente', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Registrar transferencia' }).click();

    const dialog = page.getByRole('dialog', { name: 'Registrar transferencia recibida' });
    // Prefilled with what is still missing: the whole total.
    expect(await dialog.getByLabel(/^Importe recibido/).inputValue()).toBe(payment.total);
    await dialog.getByLabel(/^Clave de rastreo/).fill('BNET01002601050001');
    await shot(page, 'backoffice-transfer', false);
    await dialog.getByRole('button', { name: 'Registrar transferencia' }).click();
    await page.getByText(`Transferencia registrada: el pago ${payment.reference} quedó pagado.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Paid payments leave the "Pendiente" list: the operator looks for it among the paid ones.
    await page.getByRole('combobox', { name: 'Estado' }).click();
    await page.getByRole('option', { name: 'Pagado' }).click();
    const paid = page.getByRole('row').filter({ hasText: payment.reference });
    await paid.getByText('Pagado', { exact: true }).waitFor();
    expect(await paid.getByRole('button', { name: 'Registrar transferencia' }).count()).toBe(0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The customer sees it paid too.
    const owner = new ApiClient(session.server.url);
    await owner.request('POST', '/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const mine = await owner.request('GET', '/api/v1/subscription/payments');
    expect(mine.data[0]).toMatchObject({ id: payment.id, status: 'succeeded' });
    expect(await owner.request('GET', '/api/v1/subscription')).toMatchObject({ nextPlan: 'monthly' });
  });

  it("lists the invoice of that payment (for the month's factura global: the customer has no fiscal data)", async () => {
    await page.getByRole('link', { name: 'Facturas' }).click();
    await page.getByRole('heading', { name: 'Facturas', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: OWNER.organizationName });
    // The invoice job runs in the background: reload until it is there.
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await row.getByText('En la factura global').first().waitFor();
    await shot(page, 'backoffice-invoices');
  });
});

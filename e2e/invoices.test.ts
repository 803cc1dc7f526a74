import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/fixture.js';
import { visible } from './helpers/locators.js';
import { inviteAndJoin, PASSWORD, saveFiscalData } from './helpers/people.js';
import { shots } from './helpers/screenshots.js';

const OWNER_EMAIL = 'tesoreria@izcalli.example.mx';
const AUDITOR_EMAIL = 'contraloria@izcalli.example.mx';
const EMPLOYEE_EMAIL = 'compras@izcalli.example.mx';
const RFC = 'MCI7306249Y1';

/** Clicks a download link and reads what the browser saved. */
async function download(page: Page, link: Locator): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), content: readFileSync(saved) };
}

describe('the owner downloads the CFDI of a subscription payment', () => {
  const session = useBrowserSession({
    owner: {
      email: OWNER_EMAIL,
      name: 'Lucía Hernández',
      organizationName: 'Municipio de Cuautitlán Izcalli',
    },
  });

  beforeAll(async () => {
    for (const [email, name, role] of [
      [AUDITOR_EMAIL, 'Ramón Díaz', 'auditor'],
      [EMPLOYEE_EMAIL, 'Sofía Ruiz', 'employee'],
    ] as const) {
      await inviteAndJoin(session.owner, session.server.url, { email, name, role, password: PASSWORD });
    }
  });

  it('starts empty, captures the fiscal data, pays by SPEI and downloads the stamped PDF and XML', async () => {
    const { owner, page } = session;
    // Before any payment: the page says where its invoices will come from.
    await page.getByRole('link', { name: 'Facturas' }).click();
    await page.getByRole('heading', { name: 'Facturas', level: 1 }).waitFor();
    await page.getByText('Aún no hay facturas: cada pago de tu suscripción genera la suya.').waitFor();
    await shots(page, 'invoices-empty');

    await page.getByRole('link', { name: 'Datos fiscales' }).click();
    await saveFiscalData(page, {
      rfc: RFC,
      legalName: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
      postalCode: '54700',
      taxRegime: '603',
      cfdiUse: 'G03',
      invoiceEmail: 'facturas@izcalli.example.mx',
    });

    await page.getByRole('link', { name: 'Suscripción' }).click();
    await page.getByRole('radio', { name: /Plan mensual/ }).click();
    await page.getByRole('radio', { name: 'Transferencia SPEI' }).check();
    await page.getByRole('button', { name: 'Pagar', exact: true }).click();
    await page.getByRole('heading', { name: 'Instrucciones de pago' }).waitFor();
    await page.getByRole('button', { name: 'Simular pago (modo de pruebas)' }).click();
    await page.getByText('Pago simulado: quedó confirmado.').waitFor();

    // The payment queues its CFDI: it may take a moment to be listed, then the page polls until stamped.
    await page.getByRole('link', { name: 'Facturas' }).click();
    const table = page.getByRole('table', { name: 'Facturas de tu suscripción' });
    for (let attempt = 0; attempt < 30 && (await table.count()) === 0; attempt++) {
      await page.waitForTimeout(1_000);
      await page.reload();
      await page.getByRole('heading', { name: 'Facturas', level: 1 }).waitFor();
    }
    await table.getByText('Timbrada', { exact: true }).waitFor({ timeout: 60_000 });
    await table.getByText('Factura', { exact: true }).waitFor();
    await table.getByText('Sin validez fiscal (pruebas)').waitFor();

    const [invoice] = (await owner.request('GET', '/api/v1/invoices')).data;
    expect(invoice).toMatchObject({ kind: 'ingreso', status: 'stamped', receptorRfc: RFC, sandbox: true });
    const number = `${invoice.serie}-${invoice.folio}`;
    // The folio fiscal is shortened on screen, whole in its title and for screen readers.
    await table.getByTitle(invoice.uuid).waitFor();
    await table.getByText(number, { exact: true }).waitFor();

    const pdf = await download(
      page,
      visible(page.getByRole('link', { name: `Descargar el PDF de la factura ${number}` })),
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const xml = await download(
      page,
      visible(page.getByRole('link', { name: `Descargar el XML de la factura ${number}` })),
    );
    expect(xml.name).toMatch(/\.xml$/);
    const text = xml.content.toString('utf8');
    expect(text).toContain('TipoDeComprobante="I"');
    expect(text).toMatch(new RegExp(`<cfdi:Receptor[^>]*Rfc="${RFC}"`));
    expect(text).toContain('tfd:TimbreFiscalDigital');
    expect(text.toUpperCase()).toContain(invoice.uuid.toUpperCase());

    await shots(page, 'invoices-stamped');
  });

  it('says what each state asks of the customer', async () => {
    const { page } = session;
    // Rejections, global invoices and cancellations cannot be provoked here: the real answer is rewritten.
    await page.route('**/api/v1/invoices', async (route) => {
      const response = await route.fetch();
      const [stamped] = (await response.json()).data;
      const variant = (folio: number, change: Record<string, unknown>) => ({
        ...stamped,
        id: `00000000-0000-4000-8000-00000000000${folio}`,
        folio,
        uuid: null,
        stampedAt: null,
        ...change,
      });
      const data = [
        variant(5, {
          status: 'rejected',
          error: {
            code: 'CFDI40145',
            message: 'El SAT no encontró el RFC con ese nombre: revisa la razón social.',
            field: 'legalName',
          },
        }),
        variant(4, { status: 'global', sandbox: false }),
        variant(3, { status: 'pending' }),
        variant(2, {
          kind: 'egreso',
          serie: 'NC',
          status: 'canceled',
          uuid: 'AB12CD34-0000-4000-8000-000000000002',
          relatedUuid: stamped.uuid,
        }),
        stamped,
      ];
      await route.fulfill({ response, json: { data, nextCursor: null } });
    });
    await page.reload();
    const table = page.getByRole('table', { name: 'Facturas de tu suscripción' });
    await table.getByText('Rechazada — corrige tus datos fiscales').waitFor();
    await table.getByText('El SAT no encontró el RFC con ese nombre: revisa la razón social.').waitFor();
    await table.getByRole('link', { name: 'Corregir datos fiscales' }).waitFor();
    await table.getByText('En la factura global del mes').waitFor();
    await table.getByRole('link', { name: 'Capturar datos fiscales' }).waitFor();
    await table.getByText('En timbrado').waitFor();
    await table.getByText('Nota de crédito').waitFor();
    await table.getByText('Cancelada', { exact: true }).waitFor();
    // Downloads only where there is a stamped XML: the stamped one and the canceled credit note.
    expect(await table.getByRole('link', { name: /^Descargar el PDF/ }).count()).toBe(2);
    await shots(page, 'invoices-states');
    await page.unroute('**/api/v1/invoices');

    await table.getByRole('link', { name: 'Corregir datos fiscales' }).click();
    await page.getByRole('heading', { name: 'Datos fiscales', level: 1 }).waitFor();
  });

  it('lets the auditor read them and keeps them from an employee', async () => {
    const { logIn, server } = session;
    const auditor = await logIn(AUDITOR_EMAIL);
    await auditor.getByRole('link', { name: 'Facturas' }).click();
    await auditor.getByRole('table', { name: 'Facturas de tu suscripción' }).getByText('Timbrada').waitFor();

    const employee = await logIn(EMPLOYEE_EMAIL);
    await employee.getByRole('link', { name: 'Inicio' }).waitFor();
    expect(await employee.getByRole('link', { name: 'Facturas' }).count()).toBe(0);
    await employee.goto(`${server.url}/app/facturas`);
    await employee.getByText('Tu rol no te permite ver las facturas de esta organización.').waitFor();
  });
});

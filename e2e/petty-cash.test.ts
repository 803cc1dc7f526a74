import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../apps/server/test/fakes/cfdi-factory.js';
import { zipOf } from '../apps/server/test/helpers/zip.js';
import type { ApiClient } from './helpers/api-client.js';
import { useBrowserSession } from './helpers/fixture.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, shot } from './helpers/screenshots.js';

describe('a custodian imports CFDIs in the browser', () => {
  const session = useBrowserSession({
    owner: {
      email: 'director@izcalli.example.mx',
      name: 'Director',
      organizationName: 'Municipio de Cuautitlán Izcalli',
    },
    ownerPage: false,
  });
  const custodianEmail = 'carla.mendez@izcalli.example.mx';
  let fundId: string;
  let custodian: ApiClient;

  beforeAll(async () => {
    // The owner sets the organization up through the API: fiscal data, a custodian, a fund.
    const { owner, server } = session;
    await owner.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    custodian = await inviteAndJoin(owner, server.url, {
      email: custodianEmail,
      name: 'Carla Méndez',
      role: 'custodian',
      password: PASSWORD,
    });
    const fund = await owner.request('POST', '/api/v1/funds', {
      name: 'Caja Presidencia',
      custodianId: await membershipId(owner, custodianEmail),
      authorizedAmount: '5000.00',
    });
    fundId = fund.id;
  });
  const { logIn } = session;

  it('sees one expense per valid CFDI, the invalid ones with their reasons, and the fund balance move', async () => {
    const { server } = session;
    const zip = await zipOf([
      {
        name: 'papeleria.xml',
        content: receivedCfdi({ valorUnitario: '100.00', descripcion: 'Hojas blancas' }).xml,
      },
      {
        name: 'limpieza.xml',
        content: receivedCfdi({ valorUnitario: '250.00', descripcion: 'Cloro y jabón' }).xml,
      },
      { name: 'sin-timbre.xml', content: receivedCfdi({ stamped: false }).xml },
      { name: 'no-es-xml.xml', content: 'hola' },
    ]);
    const zipPath = path.join(server.dataDir, 'facturas-noviembre.zip');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(zipPath, zip);

    const page = await logIn(custodianEmail);
    await page.getByRole('link', { name: 'Fondos' }).first().click();
    await page.getByText('Caja Presidencia').first().click();
    await page.getByText('$5,000.00').first().waitFor();
    await page
      .getByRole('link', { name: 'Importar CFDI' })
      .or(page.getByRole('button', { name: 'Importar CFDI' }))
      .first()
      .click();

    await page.getByLabel('Elegir archivos').setInputFiles(zipPath);
    await page.getByRole('button', { name: /^Importar \(1\)$/ }).click();
    await page.getByRole('heading', { name: 'Resultados' }).waitFor();
    await page.getByText('2 creados').waitFor();
    await page.getByText('2 rechazados').waitFor();
    await expect(
      page
        .getByText(/no tiene timbre fiscal/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await shot(page, 'custodian-import-results');

    // Both drafts go to approval at once; one was already sent (from another tab, say) and says why.
    const drafts = await custodian.request('GET', '/api/v1/expenses?status=draft');
    const paper = drafts.data.find((e: { concept: string }) => e.concept === 'Hojas blancas');
    await custodian.request('POST', `/api/v1/expenses/${paper.id}/submit`);
    await page.getByText('2 gastos creados por esta importación siguen en borrador.').waitFor();
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300); // the page reflows to the phone's width
    await shot(page, 'custodian-import-submit-all-phone');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Enviar todos a aprobación' }).click();
    const summary = page.getByRole('status').filter({ hasText: 'Envío a aprobación' });
    await summary.getByText('1 enviado a aprobación · 1 no se pudo enviar').waitFor();
    await summary
      .getByText('No se puede enviar a aprobación un gasto enviado a aprobación.', { exact: false })
      .waitFor();
    await expect(page.getByRole('button', { name: 'Enviar todos a aprobación' }).count()).resolves.toBe(0);
    const sent = await custodian.request('GET', '/api/v1/expenses?status=submitted');
    expect(sent.data.map((e: { concept: string }) => e.concept).sort()).toEqual([
      'Cloro y jabón',
      'Hojas blancas',
    ]);
    await shot(page, 'custodian-import-submitted-desktop');
    await page.setViewportSize(PHONE);
    await summary.getByText('1 enviado a aprobación · 1 no se pudo enviar').waitFor();
    await shot(page, 'custodian-import-submitted-phone');
    await page.setViewportSize(DESKTOP);

    await page.goto(`${server.url}/app/fondos/${fundId}`);
    // 116.00 + 290.00 left the box: cash 4,594.00, pending vouchers 406.00.
    await page.getByText('$4,594.00').first().waitFor();
    await page.getByText('$406.00').first().waitFor();
    await shot(page, 'custodian-fund-after-import');

    await page.goto(`${server.url}/app/gastos`);
    await page.getByText('Hojas blancas').first().waitFor();
    await page.getByText('Cloro y jabón').first().waitFor();
    await shot(page, 'custodian-expenses-after-import');
  });

  it('a second administrator approves a fund increase above the policy amount', async () => {
    const { owner, server } = session;
    await owner.request('POST', '/api/v1/policies', {
      kind: 'fund_changes',
      secondApprovalAbove: '10000.00',
    });
    const adminEmail = 'tesoreria@izcalli.example.mx';
    await inviteAndJoin(owner, server.url, {
      email: adminEmail,
      name: 'Tesorería',
      role: 'admin',
      password: PASSWORD,
    });
    const request = await owner.request('POST', `/api/v1/funds/${fundId}/increase`, {
      amount: '20000.00',
      memo: 'Temporada de fiestas patronales',
    });
    expect(request).toMatchObject({ status: 'pending', kind: 'increase' });

    const page = await logIn(adminEmail);
    await page.getByRole('link', { name: 'Fondos' }).first().click();
    await page.getByText('Caja Presidencia').first().click();
    await page.getByText('Cambio esperando aprobación').waitFor();
    await page.getByText(/Director pidió aumentar el fondo en \$20,000\.00/).waitFor();
    await shot(page, 'admin-fund-change-pending');
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText('Aprobaste el cambio').waitFor();
    // Authorized 5,000 + 20,000; cash 4,594 + 20,000.
    await page.getByText('$25,000.00').first().waitFor();
    await page.getByText('$24,594.00').first().waitFor();
    await expect(page.getByText('Cambio esperando aprobación').count()).resolves.toBe(0);
    await shot(page, 'admin-fund-change-approved');
  });
});

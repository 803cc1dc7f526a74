import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { constanciaPdf, MORAL_CSF } from '../apps/server/test/helpers/constancia-pdf.js';
import { useBrowserSession } from './helpers/fixture.js';
import { savedFiscalData, saveFiscalData } from './helpers/people.js';
import { shots } from './helpers/screenshots.js';

const OWNER = {
  email: 'administracion@kemper.example.mx',
  password: 'una contraseña larga',
  name: 'Adriana Kemper',
  organizationName: 'Escuela Kemper',
};

describe('the owner fills the fiscal data from the Constancia de Situación Fiscal', () => {
  let folder: string;
  let constancia: string;

  const session = useBrowserSession({
    async before() {
      // A replica of a persona moral's constancia, as the SAT's portal downloads it.
      folder = mkdtempSync(path.join(tmpdir(), 'cajachica-constancia-'));
      constancia = path.join(folder, `CSF_${MORAL_CSF.rfc}.pdf`);
      writeFileSync(constancia, await constanciaPdf(MORAL_CSF));
    },
    after() {
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
    owner: OWNER,
  });

  it('uploads the PDF, sees RFC, razón social, régimen and código postal filled, and saves them', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Datos fiscales' }).click();
    await page.getByRole('heading', { name: 'Datos fiscales', level: 1 }).waitFor();
    await page.getByText('Cargar Constancia de Situación Fiscal (PDF)').waitFor();
    await shots(page, 'constancia-before');

    // Mantine's FileInput is a button over a hidden file input: the file goes to that input.
    await page.locator('input[type="file"]').setInputFiles(constancia);
    const summary = page.getByRole('status').filter({ hasText: 'Llenamos 4 campos con tu constancia' });
    await summary.waitFor();
    await summary
      .getByText('Campos llenados: RFC, Razón social, Código postal del domicilio fiscal, Régimen fiscal.')
      .waitFor();
    expect(await page.getByLabel('RFC').inputValue()).toBe('EKU9003173C9');
    expect(await page.getByLabel('Razón social').inputValue()).toBe('ESCUELA KEMPER URGATE');
    expect(await page.getByLabel('Código postal del domicilio fiscal').inputValue()).toBe('42501');
    expect(await page.getByLabel('Régimen fiscal').first().inputValue()).toMatch(/^601\b/);
    // The file chosen stays named in the control.
    await page
      .getByRole('button', { name: /Cargar Constancia/ })
      .getByText(`CSF_${MORAL_CSF.rfc}.pdf`)
      .waitFor();
    await shots(page, 'constancia-filled');

    // What the constancia does not carry is typed by hand; then the form is saved as always.
    await saveFiscalData(page, { cfdiUse: 'G03', invoiceEmail: 'contabilidad@kemper.example.mx' });
    await summary.waitFor({ state: 'detached' });
    // Saved: the upload is empty again (the PDF itself is not kept).
    await page
      .getByRole('button', { name: /Cargar Constancia/ })
      .getByText('Elige el PDF de tu constancia')
      .waitFor();
    await page.getByText(/Última actualización/).waitFor();
    await shots(page, 'constancia-saved');

    expect(await savedFiscalData(page)).toMatchObject({
      rfc: 'EKU9003173C9',
      legalName: 'ESCUELA KEMPER URGATE',
      taxRegime: '601',
      postalCode: '42501',
      cfdiUse: 'G03',
      invoiceEmail: 'contabilidad@kemper.example.mx',
    });
  });
});

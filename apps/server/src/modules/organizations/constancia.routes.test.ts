import { describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import {
  constanciaPdf,
  FISICA_CSF,
  imageOnlyPdf,
  MORAL_CSF,
  MORAL_PREFILL,
  textPdf,
} from '../../../test/helpers/constancia-pdf.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

const URL = '/api/v1/organization/fiscal-data/constancia';

function upload(client: TestClient, content: Buffer | string, name = 'constancia.pdf') {
  const { payload, contentType } = multipartBody([{ name, content, type: 'application/pdf' }], {}, 'file');
  return client.request('POST', URL, payload, { headers: { 'content-type': contentType } });
}

describe.each(testDatabaseKinds())('reading the Constancia de Situación Fiscal on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });

  it('answers the fiscal data of a persona moral and stores nothing until it is saved', async () => {
    const response = await upload(t.owner.client, await constanciaPdf(MORAL_CSF));
    expect(response.statusCode).toBe(200);
    const prefill = response.json();
    expect(prefill).toEqual(MORAL_PREFILL);
    expect((await t.owner.client.get('/api/v1/organization/fiscal-data')).json().code).toBe(
      'FISCAL_DATA_NOT_SET',
    );

    // What it answers is what the form saves.
    const saved = await t.owner.client.request('PUT', '/api/v1/organization/fiscal-data', {
      rfc: prefill.rfc,
      legalName: prefill.legalName,
      taxRegime: prefill.taxRegime,
      postalCode: prefill.postalCode,
      cfdiUse: 'G03',
      invoiceEmail: 'facturas@kemper.mx',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().warnings).toEqual([]);
  });

  it('leaves the régimen to choose when several are active', async () => {
    const replica = {
      ...FISICA_CSF,
      regimes: [
        { name: 'Régimen de Sueldos y Salarios e Ingresos Asimilados a Salarios', start: '01/03/2015' },
        { name: 'Régimen Simplificado de Confianza', start: '01/01/2022' },
      ],
    };
    const response = await upload(t.owner.client, await constanciaPdf(replica));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      rfc: 'NUOM850101QJ5',
      legalName: 'MARÍA JOSÉ NÚÑEZ OROZCO',
      postalCode: '06600',
      personType: 'fisica',
      taxRegime: null,
      taxRegimes: [
        { key: '605', name: 'Sueldos y Salarios e Ingresos Asimilados a Salarios' },
        { key: '626', name: 'Régimen Simplificado de Confianza' },
      ],
      warnings: [{ path: 'taxRegime', message: expect.stringContaining('elige con cuál') }],
    });
  });

  it.each([
    ['a file that is not a PDF', async () => Buffer.from('RFC: EKU9003173C9'), 400, 'NOT_A_PDF'],
    ['a PDF without text', imageOnlyPdf, 422, 'CONSTANCIA_NO_TEXT'],
    [
      'a PDF that is not a constancia',
      () => textPdf(['Factura', 'RFC: EKU9003173C9', 'Código Postal: 42501']),
      422,
      'NOT_A_CONSTANCIA',
    ],
    ['a damaged PDF', async () => Buffer.from('%PDF-1.7\n%%EOF'), 422, 'CONSTANCIA_UNREADABLE'],
    [
      'a PDF over 5 MB',
      async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]),
      413,
      'FILE_TOO_LARGE',
    ],
  ])('refuses %s with a Spanish problem', async (_, make, status, code) => {
    const response = await upload(t.owner.client, await make());
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe(code);
    expect(problem.detail).toMatch(/[áéíóúñ]|PDF/);
    if (code === 'NOT_A_CONSTANCIA') {
      expect(problem.detail).toBe(
        'No encontramos los datos de una Constancia de Situación Fiscal en este PDF; si es un escaneo, captura los datos a mano.',
      );
    }
    if (code === 'FILE_TOO_LARGE') expect(problem.detail).toContain('5 MB');
  });

  it('wants the file as multipart/form-data', async () => {
    const json = await t.owner.client.request('POST', URL, { file: 'constancia.pdf' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('MULTIPART_REQUIRED');
    const { payload, contentType } = multipartBody([], { rfc: 'EKU9003173C9' }, 'file');
    const empty = await t.owner.client.request('POST', URL, payload, {
      headers: { 'content-type': contentType },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('NO_FILES');
  });

  it('is for whoever may change the fiscal data, with the CSRF token', async () => {
    const pdf = await constanciaPdf(MORAL_CSF);
    const admin = await addMember(t, t.owner.client, ['admin']);
    expect((await upload(admin.client, pdf)).statusCode).toBe(403);
    const { payload, contentType } = multipartBody([{ name: 'c.pdf', content: pdf }], {}, 'file');
    const withoutToken = await t.owner.client.request('POST', URL, payload, {
      csrf: false,
      headers: { 'content-type': contentType },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect((await upload(t.client(), pdf)).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI document, under Organización', async () => {
    const document = (await t.client().get('/api/v1/openapi.json')).json();
    const operation = document.paths[URL]?.post;
    expect(operation?.tags).toEqual(['Organización']);
    expect(Object.keys(operation?.responses ?? {})).toContain('200');
  });
});

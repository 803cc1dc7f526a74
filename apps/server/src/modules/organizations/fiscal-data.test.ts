import { describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { validateFiscalData } from './fiscal-data.rules.js';

const valid = {
  rfc: 'EKU9003173C9',
  legalName: 'Escuela Kemper Urgate',
  taxRegime: '601',
  postalCode: '42501',
  cfdiUse: 'G03',
  invoiceEmail: 'facturas@kemper.mx',
};

describe('fiscal data rules', () => {
  it('accepts data as on the Constancia, normalized to upper case', () => {
    const result = validateFiscalData({ ...valid, rfc: 'eku9003173c9', legalName: 'escuela  kemper urgate' });
    expect(result.errors).toEqual([]);
    expect(result.normalized).toMatchObject({ rfc: 'EKU9003173C9', legalName: 'ESCUELA KEMPER URGATE' });
  });

  it.each([
    ['rfc', { rfc: 'EKU90031' }],
    ['rfc', { rfc: 'XAXX010101000' }],
    ['taxRegime', { taxRegime: '999' }],
    ['taxRegime', { taxRegime: '605' }],
    ['postalCode', { postalCode: '4250' }],
    ['cfdiUse', { cfdiUse: 'D01' }],
    ['cfdiUse', { cfdiUse: 'ZZZ' }],
  ])('refuses a bad %s, saying how to fix it', (path, change) => {
    const { errors } = validateFiscalData({ ...valid, ...change });
    expect(errors.map((e) => e.path)).toContain(path);
  });

  it('warns, without refusing, about a check-digit mismatch and a corporate suffix', () => {
    const { errors, warnings } = validateFiscalData({
      ...valid,
      rfc: 'AAA010101AAA',
      legalName: 'Papelería El Lápiz, S.A. de C.V.',
    });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path).sort()).toEqual(['legalName', 'rfc']);
  });
});

describe.each(testDatabaseKinds())('fiscal data API on %s', (kind) => {
  const t = useTestApp(kind);

  it('lets the owner set it, readers read it, and nobody else change it', async () => {
    const owner = await signUpVerifiedOwner(t);
    expect((await owner.client.get('/api/v1/organization/fiscal-data')).json().code).toBe(
      'FISCAL_DATA_NOT_SET',
    );
    const saved = await owner.client.request('PUT', '/api/v1/organization/fiscal-data', valid);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...valid, legalName: 'ESCUELA KEMPER URGATE', warnings: [] });

    const admin = await addMember(t, owner.client, ['admin']);
    expect((await admin.client.get('/api/v1/organization/fiscal-data')).json().rfc).toBe('EKU9003173C9');
    expect((await admin.client.request('PUT', '/api/v1/organization/fiscal-data', valid)).statusCode).toBe(
      403,
    );

    const bad = await owner.client.request('PUT', '/api/v1/organization/fiscal-data', {
      ...valid,
      cfdiUse: 'D01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['cfdiUse']);
    expect((await owner.client.get('/api/v1/organization/fiscal-data')).json().cfdiUse).toBe('G03');
  });

  it('keeps each organization fiscal data to itself', async () => {
    const a = await signUpVerifiedOwner(t);
    const b = await signUpVerifiedOwner(t);
    await a.client.request('PUT', '/api/v1/organization/fiscal-data', valid);
    expect((await b.client.get('/api/v1/organization/fiscal-data')).statusCode).toBe(404);
  });

  it('serves the SAT catalogs the fiscal data form needs', async () => {
    const catalogs = (await t.client().get('/api/v1/catalogs/fiscal')).json();
    expect(catalogs.regimenesFiscales.map((r: { key: string }) => r.key)).toContain('601');
    expect(catalogs.usosCfdi.find((u: { key: string }) => u.key === 'G03').regimenesReceptor).toContain(
      '601',
    );
  });
});

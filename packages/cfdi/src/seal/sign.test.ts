import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CSD,
  FIXTURES,
  oracleValidate,
  oracleVerifySello,
  requireOracle,
} from '../cadena/sat-oracle.test-support.js';
import { readXml } from '../xml/read-xml.js';
import { setRootAttributes } from './root-tag.js';
import { CsdError, loadCsd, sealCfdi } from './sign.js';
import { verifyIssuerSeal } from './verify-seal.js';

const cer = readFileSync(path.join(CSD, 'EKU9003173C9.cer'));
const key = readFileSync(path.join(CSD, 'EKU9003173C9.key'));
const password = readFileSync(path.join(CSD, 'EKU9003173C9.password.txt'), 'utf8');
const NOW = new Date('2025-03-03T17:00:00Z');
const nota = readFileSync(path.join(FIXTURES, 'cfdi40-egreso-nota-credito-eku-generado.xml'), 'utf8');

function csdProblem(action: () => unknown) {
  try {
    action();
  } catch (problem) {
    if (problem instanceof CsdError) return { code: problem.code, message: problem.message };
    throw problem;
  }
  throw new Error('no CsdError');
}

beforeAll(requireOracle);

describe('loadCsd', () => {
  it('loads SAT’s test CSD (.cer DER + encrypted PKCS#8 .key)', () => {
    const csd = loadCsd({ cer, key, password, now: NOW });
    expect(csd.certificate).toMatchObject({ noCertificado: '30001000000500003416', rfc: 'EKU9003173C9' });
    expect(csd.looksLikeEfirma).toBe(false);
  });

  it('says the password is wrong, in Spanish', () => {
    const problem = csdProblem(() => loadCsd({ cer, key, password: 'otra', now: NOW }));
    expect(problem).toMatchObject({
      code: 'CSD_WRONG_PASSWORD',
      message: expect.stringMatching(/contraseña/),
    });
    expect(csdProblem(() => loadCsd({ cer, key, password: '', now: NOW })).code).toBe('CSD_WRONG_PASSWORD');
  });

  it('refuses a key that is not the certificate’s pair, and files that are not a .cer / .key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'der',
      cipher: 'aes-256-cbc',
      passphrase: password,
    });
    expect(csdProblem(() => loadCsd({ cer, key: other, password, now: NOW })).code).toBe('CSD_KEY_MISMATCH');
    expect(csdProblem(() => loadCsd({ cer: key, key, password, now: NOW })).code).toBe(
      'CSD_INVALID_CERTIFICATE',
    );
    expect(csdProblem(() => loadCsd({ cer, key: cer, password, now: NOW })).code).toBe('CSD_INVALID_KEY');
  });

  it('refuses an expired CSD naming its dates', () => {
    const problem = csdProblem(() => loadCsd({ cer, key, password, now: new Date('2027-06-01T00:00:00Z') }));
    expect(problem.code).toBe('CSD_EXPIRED');
    expect(problem.message).toMatch(/venció el 2027-05-18.*vigencia del 2023-05-18/);
  });
});

describe('sealCfdi', () => {
  const csd = () => loadCsd({ cer, key, password, now: NOW });

  it('reproduces the fixture byte for byte when only the Sello value was emptied', () => {
    const unsealed = nota.replace(/Sello="[^"]*"/, 'Sello=""');
    expect(sealCfdi(unsealed, csd(), NOW)).toBe(nota);
  });

  it('seals a CFDI without Sello/Certificado/NoCertificado: verify-sello.sh and validate.sh pass', () => {
    const stripped = nota.replace(/ (Sello|Certificado|NoCertificado)="[^"]*"/g, '');
    expect(stripped).not.toContain('Sello=');
    const sealed = sealCfdi(stripped, csd(), NOW);
    expect(verifyIssuerSeal(readXml(sealed))).toEqual([]);
    expect(oracleVerifySello(sealed)).toBe(0);
    expect(oracleValidate(sealed)).toMatchObject({ status: 0 });
    expect(sealed.replace(/ (Sello|Certificado|NoCertificado)="[^"]*"/g, '')).toBe(stripped);
  });

  it('seals a CFDI 3.3 too', () => {
    const cfdi33 = readFileSync(path.join(FIXTURES, 'cfdi33-ingreso-eku-timbrado.xml'), 'utf8').replace(
      'Fecha="2021-01-13T14:15:16"',
      'Fecha="2025-03-03T10:15:00"',
    );
    const sealed = sealCfdi(cfdi33, csd(), NOW);
    expect(sealed).toContain('NoCertificado="30001000000500003416"');
    expect(oracleVerifySello(sealed)).toBe(0);
  });

  it('refuses a Fecha outside the CSD’s validity and an Emisor with another RFC', () => {
    const old = nota.replace('Fecha="2025-03-03T10:15:00"', 'Fecha="2022-01-01T10:00:00"');
    expect(csdProblem(() => sealCfdi(old, csd(), NOW)).code).toBe('CSD_NOT_VALID_AT_FECHA');
    const other = nota.replace('Rfc="EKU9003173C9"', 'Rfc="XIQB891116QE4"');
    expect(csdProblem(() => sealCfdi(other, csd(), NOW))).toMatchObject({
      code: 'CSD_RFC_MISMATCH',
      message: expect.stringContaining('XIQB891116QE4'),
    });
    expect(csdProblem(() => sealCfdi(nota, csd(), new Date('2028-01-01T00:00:00Z'))).code).toBe(
      'CSD_EXPIRED',
    );
  });
});

describe('setRootAttributes', () => {
  it('edits only the root start tag: comments, quotes and self-closing roots survive', () => {
    const xml = '\uFEFF<?xml version=\'1.0\'?>\n<!-- <a x="1"> -->\n<a\n  x=\'1\'\n  y="2"/>';
    expect(
      setRootAttributes(xml, [
        ['x', 'o\'k&"'],
        ['z', '3'],
      ]),
    ).toBe('\uFEFF<?xml version=\'1.0\'?>\n<!-- <a x="1"> -->\n<a\n  x=\'o&#39;k&#38;"\'\n  y="2" z="3"/>');
    expect(setRootAttributes('<a>t</a>', [['b', '1']])).toBe('<a b="1">t</a>');
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSD, FIXTURES, fixtureNames } from '../cadena/sat-oracle.test-support.js';
import { readXml } from '../xml/read-xml.js';
import { decodeBase64Strictly, decodeSatSerial, looksLikeEfirma, readSatCertificate } from './certificate.js';
import { checkCertificate, fechaWindow } from './check-certificate.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const eku = readFileSync(path.join(CSD, 'EKU9003173C9.cer'));
const NOTA = 'cfdi40-egreso-nota-credito-eku-generado.xml';
const withFecha = (fecha: string) =>
  readXml(fixture(NOTA).replace('Fecha="2025-03-03T10:15:00"', `Fecha="${fecha}"`));

describe('SAT certificate fields', () => {
  it('decodes the serial as SAT writes NoCertificado (ASCII digits, hex-encoded)', () => {
    expect(decodeSatSerial('3330303031303030303030353030303033343136')).toBe('30001000000500003416');
  });

  it('reads the test CSD: number, RFC (first token of x500UniqueIdentifier), dates, not an e.firma', () => {
    const certificate = readSatCertificate(eku);
    expect(certificate).toMatchObject({ noCertificado: '30001000000500003416', rfc: 'EKU9003173C9' });
    expect(certificate?.validTo.toISOString()).toBe('2027-05-18T11:43:51.000Z');
    expect(certificate && looksLikeEfirma(certificate.x509)).toBe(false);
    expect(readSatCertificate(eku.toString('base64'))?.base64).toBe(eku.toString('base64'));
    expect(readSatCertificate('no es un certificado')).toBeNull();
  });

  it('decodes base64 exactly when GNU base64 -d (used by verify-sello.sh) does', () => {
    const alphabet = fc.constantFrom(...'AQUJDRa+/=*-_ \n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const compact = text.replace(/[ \t\r\n]/g, '');
        const gnu = spawnSync('base64', ['-d'], { input: compact });
        const mine = decodeBase64Strictly(text);
        expect(mine !== null, JSON.stringify(text)).toBe(gnu.status === 0);
        if (mine) expect(mine.equals(gnu.stdout)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkCertificate', () => {
  it.each(fixtureNames())('finds no validity error on %s', (name) => {
    const findings = checkCertificate(readXml(fixture(name)));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('warns when the seal was made with an e.firma (the python-satcfdi fixtures use one)', () => {
    const [warning] = checkCertificate(readXml(fixture('cfdi40-ingreso-iva0-timbrado.xml')));
    expect(warning).toMatchObject({
      code: 'CERTIFICATE_NOT_CSD',
      severity: 'warning',
      category: 'certificate',
    });
    expect(warning?.message).toMatch(/e\.firma/);
  });

  it('reports a Fecha after the certificate expired or before it started, naming the dates', () => {
    const [expired] = checkCertificate(withFecha('2027-06-01T10:00:00'));
    expect(expired).toMatchObject({
      code: 'CERTIFICATE_EXPIRED',
      severity: 'error',
      category: 'certificate',
    });
    expect(expired?.message).toMatch(/2027-05-18/);
    expect(checkCertificate(withFecha('2023-05-01T10:00:00')).map((finding) => finding.code)).toEqual([
      'CERTIFICATE_NOT_YET_VALID',
    ]);
  });

  it('reads Fecha as Mexican local time: only an instant invalid in every Mexican zone is an error', () => {
    // The certificate ends 2027-05-18 11:43:51 UTC = 06:43:51 in Quintana Roo (UTC-5), 03:43:51 in Tijuana (UTC-8).
    expect(checkCertificate(withFecha('2027-05-18T06:43:00'))).toEqual([]);
    expect(checkCertificate(withFecha('2027-05-18T06:44:00')).map((finding) => finding.code)).toEqual([
      'CERTIFICATE_EXPIRED',
    ]);
    expect(fechaWindow('2025-01-01T00:00:00')).toEqual({
      earliest: new Date('2025-01-01T05:00:00Z'),
      latest: new Date('2025-01-01T08:00:00Z'),
    });
    expect(fechaWindow('ayer')).toBeNull();
  });
});

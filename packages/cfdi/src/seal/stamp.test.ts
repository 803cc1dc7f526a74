import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSD, FIXTURES, fixtureNames } from '../cadena/sat-oracle.test-support.js';
import { readXml, type XmlElement } from '../xml/read-xml.js';
import { checkStamp, findTimbres, verifyTfdSeal } from './stamp.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const codesOf = (xml: string) => checkStamp(readXml(xml)).map((finding) => finding.code);
const PAC = readFileSync(path.join(CSD, 'SAT-PRUEBAS-PAC-30001000000500003456.cer'));
const HONORARIOS = 'cfdi40-ingreso-honorarios-ret-isr-iva-eku-timbrado.xml';

function timbreOf(xml: string): XmlElement {
  const [timbre] = findTimbres(readXml(xml));
  if (!timbre) throw new Error('no timbre');
  return timbre;
}

describe('checkStamp', () => {
  it('finds nothing wrong in a complete timbre whose SelloCFD is the Comprobante’s Sello', () => {
    for (const name of [
      HONORARIOS,
      'cfdi40-ingreso-iva16-real-timbrado.xml',
      'cfdi33-ingreso-implocal-real-timbrado.xml',
    ])
      expect(codesOf(fixture(name)), name).toEqual([]);
  });

  it('warns (does not reject) when a sealed CFDI has no timbre yet', () => {
    const findings = checkStamp(readXml(fixture('cfdi40-egreso-nota-credito-eku-generado.xml')));
    expect(findings).toMatchObject([{ code: 'STAMP_MISSING', severity: 'warning', category: 'stamp' }]);
    expect(findings[0]?.message).toMatch(/no está timbrado/);
  });

  it('rejects a timbre whose SelloCFD is not the Comprobante’s Sello (CfdiUtils’ 3.3 sample says so)', () => {
    expect(codesOf(fixture('cfdi33-ingreso-eku-timbrado.xml'))).toEqual(['STAMP_SELLO_CFD_MISMATCH']);
  });

  it('rejects an empty RfcProvCertif (the XSD-invalid 3.3 sample)', () => {
    const findings = checkStamp(readXml(fixture('cfdi33-iva16-tasa0-exento-timbrado.xml')));
    expect(findings).toMatchObject([
      { code: 'STAMP_REQUIRED_ATTRIBUTE', path: expect.stringMatching(/@RfcProvCertif$/) },
    ]);
  });

  it('rejects a malformed UUID, a missing SelloSAT, another version and two timbres', () => {
    const xml = fixture(HONORARIOS);
    const uuid = /UUID="[^"]+"/.exec(xml.slice(xml.indexOf('<tfd:')))?.[0] ?? '';
    expect(codesOf(xml.replace(uuid, 'UUID="no-es-un-uuid"'))).toEqual(['STAMP_ATTRIBUTE_FORMAT']);
    expect(codesOf(xml.replace(/ SelloSAT="[^"]*"/, ''))).toEqual(['STAMP_REQUIRED_ATTRIBUTE']);
    expect(codesOf(xml.replace(/(<tfd:TimbreFiscalDigital[^>]*?)Version="1.1"/, '$1Version="1.0"'))).toEqual([
      'STAMP_UNSUPPORTED_VERSION',
    ]);
    const timbre = /<tfd:TimbreFiscalDigital[^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(codesOf(xml.replace(timbre, timbre + timbre))).toEqual(['STAMP_DUPLICATE']);
  });

  it('gives every stamped fixture a verdict without throwing', () => {
    for (const name of fixtureNames()) expect(() => checkStamp(readXml(fixture(name)))).not.toThrow();
  });
});

describe('verifyTfdSeal', () => {
  it('verifies the Finkok test stamp’s SelloSAT with SAT’s test PAC certificate (README row)', () => {
    expect(verifyTfdSeal(timbreOf(fixture(HONORARIOS)), PAC)).toEqual([]);
    expect(verifyTfdSeal(timbreOf(fixture(HONORARIOS)), PAC.toString('base64'))).toEqual([]);
    expect(verifyTfdSeal(timbreOf(fixture('cfdi40-ingreso-iva16-eku-timbrado.xml')), PAC)).toEqual([]);
    expect(() => verifyTfdSeal(timbreOf(fixture(HONORARIOS)), 'no')).toThrowError(/not an X\.509/);
  });

  it('fails when the timbre changed after the PAC sealed it', () => {
    const xml = fixture(HONORARIOS).replace(/FechaTimbrado="([^"]+)"/, 'FechaTimbrado="2024-06-12T02:20:59"');
    expect(verifyTfdSeal(timbreOf(xml), PAC).map((finding) => finding.code)).toEqual(['STAMP_SEAL_MISMATCH']);
  });

  it('says which certificate is needed when given another one', () => {
    const findings = verifyTfdSeal(timbreOf(fixture('cfdi40-ingreso-iva0-timbrado.xml')), PAC);
    expect(findings.map((finding) => finding.code)).toEqual([
      'STAMP_CERTIFICATE_NUMBER_MISMATCH',
      'STAMP_SEAL_MISMATCH',
    ]);
    expect(findings[0]?.message).toContain('30001000000400002311');
  });
});

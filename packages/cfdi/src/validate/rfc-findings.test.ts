import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfdi } from '../model/index.js';
import { checkRfcRules } from './rfc-findings.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../shared/fixtures/cfdi/${name}`, import.meta.url));
const withReplaced = (name: string, from: string, to: string) =>
  fixture(name).toString('utf8').replace(from, to);

describe('rfc findings', () => {
  it('has none for a fixture with valid RFCs and postal codes', () => {
    const findings = checkRfcRules(parseCfdi(fixture('cfdi40-ingreso-iva16-eku-timbrado.xml')));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('refuses a malformed emisor RFC and a bad postal code', () => {
    const xml = withReplaced(
      'cfdi40-egreso-nota-credito-eku-generado.xml',
      'Rfc="EKU9003173C9"',
      'Rfc="EKU90031"',
    );
    const bad = xml.replace(/LugarExpedicion="\d{5}"/, 'LugarExpedicion="1234"');
    const codes = checkRfcRules(parseCfdi(bad)).map((finding) => `${finding.severity}:${finding.code}`);
    expect(codes).toContain('error:RFC_SYNTAX');
    expect(codes).toContain('error:POSTAL_CODE_FORMAT');
  });

  it('only warns about a check-digit mismatch', () => {
    const xml = withReplaced(
      'cfdi40-egreso-nota-credito-eku-generado.xml',
      'Rfc="EKU9003173C9"',
      'Rfc="EKU9003173C8"',
    );
    const findings = checkRfcRules(parseCfdi(xml));
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
    // The receptor of this fixture (MCI7306249Y1) is a real RFC whose check digit does not match either.
    expect(findings.map((finding) => `${finding.code} ${finding.path}`)).toEqual([
      'RFC_CHECK_DIGIT /cfdi:Comprobante/cfdi:Emisor/@Rfc',
      'RFC_CHECK_DIGIT /cfdi:Comprobante/cfdi:Receptor/@Rfc',
    ]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCfdi } from './validate-cfdi.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('validateCfdi', () => {
  it('passes a real stamped CFDI 4.0 with no errors', () => {
    const result = validateCfdi(fixture('cfdi40-ingreso-iva16-real-timbrado.xml'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.cfdi?.timbreFiscalDigital?.uuid).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('reports a tampered amount as a broken seal and a total that does not add up', () => {
    const xml = fixture('cfdi40-ingreso-iva16-eku-timbrado.xml');
    const total = xml.match(/ Total="([^"]+)"/)?.[1] ?? '';
    const result = validateCfdi(xml.replace(` Total="${total}"`, ' Total="1.00"'));
    expect(result.valid).toBe(false);
    const categories = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.category));
    expect(categories).toEqual(new Set(['seal', 'arithmetic']));
  });

  it('turns hostile input into one security finding and never throws', () => {
    const result = validateCfdi('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>');
    expect(result).toMatchObject({
      cfdi: null,
      valid: false,
      findings: [{ category: 'security', severity: 'error' }],
    });
    expect(validateCfdi('no soy XML').findings[0]?.category).toBe('schema');
  });

  it('warns, without failing, about a sealed CFDI that was never stamped', () => {
    const result = validateCfdi(fixture('cfdi40-egreso-nota-credito-eku-generado.xml'));
    expect(result.findings).toContainEqual(
      expect.objectContaining({ category: 'stamp', severity: 'warning' }),
    );
  });

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')))(
    'gives every finding of %s a Spanish message',
    (name) => {
      for (const finding of validateCfdi(fixture(name)).findings) {
        expect(finding.message.length).toBeGreaterThan(10);
        expect(['error', 'warning']).toContain(finding.severity);
      }
    },
  );
});

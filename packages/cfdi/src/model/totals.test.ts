import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cfdiUuid } from './cfdi-uuid.js';
import { parseCfdi } from './parse-cfdi.js';
import { cfdiTotals } from './totals.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const readFixture = (name: string) => parseCfdi(readFileSync(new URL(name, FIXTURES)));
const NS = 'xmlns:cfdi="http://www.sat.gob.mx/cfd/4"';

/** A 4.0 with the given comprobante attributes and comprobante-level Traslado/Retencion (impuesto, importe). */
function parseWithTaxes(
  attributes: string,
  traslados: [string, string?][],
  retenciones: [string, string?][] = [],
) {
  const tax = (tag: string, [impuesto, importe]: [string, string?]) =>
    `<cfdi:${tag} Impuesto="${impuesto}"${importe === undefined ? ' TipoFactor="Exento"' : ` Importe="${importe}"`}/>`;
  return parseCfdi(
    `<cfdi:Comprobante ${NS} Version="4.0" ${attributes}><cfdi:Impuestos>` +
      `<cfdi:Traslados>${traslados.map((t) => tax('Traslado', t)).join('')}</cfdi:Traslados>` +
      `<cfdi:Retenciones>${retenciones.map((r) => tax('Retencion', r)).join('')}</cfdi:Retenciones>` +
      '</cfdi:Impuestos></cfdi:Comprobante>',
  );
}

const zero = { isr: '0', iva: '0', ieps: '0', total: '0' };

describe('cfdiTotals', () => {
  it.each([
    [
      'cfdi40-ingreso-iva16-ret-isr-iva-xiqb-timbrado.xml',
      {
        ...{ subTotal: '15390.30', descuento: '0', total: '14672.08', locales: null },
        traslados: { ...zero, iva: '2462.45', total: '2462.45' },
        retenciones: { ...zero, isr: '1539.03', iva: '1641.64', total: '3180.67' },
      },
    ],
    [
      'cfdi40-ingreso-iva16-eku-timbrado.xml',
      {
        ...{ subTotal: '3824.15', descuento: '956.04', total: '3327.01', locales: null },
        ...{ traslados: { ...zero, iva: '458.90', total: '458.90' }, retenciones: zero },
      },
    ],
    [
      'cfdi40-ingreso-ieps-exento-timbrado.xml',
      {
        ...{ subTotal: '15390.30', descuento: '0', total: '15390.30', locales: null },
        traslados: zero,
        retenciones: zero,
      },
    ],
    [
      'cfdi33-ingreso-implocal-real-timbrado.xml',
      {
        ...{ subTotal: '1709.12', descuento: '0', total: '2010.01' },
        ...{ traslados: { ...zero, iva: '273.46', total: '273.46' }, retenciones: zero },
        locales: { traslados: '27.43', retenciones: '0' },
      },
    ],
    [
      'cfdi40-implocal-sat-ejemplo.xml',
      {
        ...{ subTotal: '0', descuento: '0', total: '0', traslados: zero, retenciones: zero },
        locales: { traslados: '1578.24', retenciones: '1357.80' },
      },
    ],
  ])('gives the amounts of %s', (name, expected) => {
    expect(cfdiTotals(readFixture(name))).toEqual(expected);
  });

  it('sums by impuesto, keeps the largest scale of the terms and counts unknown codes only in total', () => {
    const totals = cfdiTotals(
      parseWithTaxes(
        'SubTotal="100" Total="116.0"',
        [
          ['002', '10.5'],
          ['002', '5.50'],
          ['003', '1'],
          ['009', '0.001'],
        ],
        [
          ['001', '0.000001'],
          ['003', '2'],
        ],
      ),
    );
    expect(totals.traslados).toEqual({ isr: '0', iva: '16.00', ieps: '1', total: '17.001' });
    expect(totals.retenciones).toEqual({ isr: '0.000001', iva: '0', ieps: '2', total: '2.000001' });
    expect([totals.subTotal, totals.total, totals.descuento]).toEqual(['100', '116.0', '0']);
  });

  it('is exact past the 20 significant digits decimal.js keeps by default, and never goes through a float', () => {
    const totals = cfdiTotals(
      parseWithTaxes('SubTotal="123456789012345678.123456"', [
        ['002', '123456789012345678.123456'],
        ['002', '0.000001'],
        ['002', '0.1'],
        ['002', '0.2'],
      ]),
    );
    expect(totals.traslados.iva).toBe('123456789012345678.423457');
    expect(totals.subTotal).toBe('123456789012345678.123456');
  });

  it('normalizes the form of an xs:decimal but not its scale', () => {
    expect(
      cfdiTotals(parseWithTaxes('SubTotal="+.50" Total=" 0001160.00 " Descuento="1."', [])).subTotal,
    ).toBe('0.50');
    const totals = cfdiTotals(parseWithTaxes('SubTotal="-0.00" Total=" 0001160.00 " Descuento="1."', []));
    expect([totals.subTotal, totals.total, totals.descuento]).toEqual(['0.00', '1160.00', '1']);
  });

  it.each(['1,160.00', '', '1e3', '0x10', 'Infinity', 'NaN', '$5', '1 000', `1${'0'.repeat(61)}`])(
    'gives null, not a made-up figure, for the amount "%s" and for any sum it is in',
    (bad) => {
      const totals = cfdiTotals(
        parseWithTaxes(`SubTotal="${bad}" Total="${bad}" Descuento="${bad}"`, [
          ['002', bad],
          ['003', '1'],
        ]),
      );
      expect(totals).toMatchObject({ subTotal: null, total: null, descuento: null });
      expect(totals.traslados).toEqual({ isr: '0', iva: null, ieps: '1', total: null });
    },
  );

  it('gives null for an absent SubTotal or Total, zero for an absent Descuento, and null locales without implocal', () => {
    expect(cfdiTotals(parseCfdi(`<cfdi:Comprobante ${NS}/>`))).toEqual({
      ...{ subTotal: null, descuento: '0', total: null, locales: null },
      ...{ traslados: zero, retenciones: zero },
    });
  });
});

describe('cfdiUuid', () => {
  it('gives the TFD UUID upper-cased, or null when not stamped', () => {
    expect(cfdiUuid(readFixture('cfdi40-ingreso-iva0-timbrado.xml'))).toBe(
      '6D7434A6-E3F2-47AD-9E4C-08849946AFA0',
    );
    expect(cfdiUuid(readFixture('cfdi40-pagos20-eku.xml'))).toBeNull();
  });

  it('trims it and gives null for an empty or missing UUID', () => {
    const tfd = (uuid: string) =>
      parseCfdi(
        `<cfdi:Comprobante ${NS}><cfdi:Complemento><tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" ${uuid}/></cfdi:Complemento></cfdi:Comprobante>`,
      );
    expect(cfdiUuid(tfd('UUID=" abc-def "'))).toBe('ABC-DEF');
    expect(cfdiUuid(tfd('UUID="  "'))).toBeNull();
    expect(cfdiUuid(tfd(''))).toBeNull();
  });
});

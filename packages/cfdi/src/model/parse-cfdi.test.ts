import { describe, expect, it } from 'vitest';
import { XmlReadError } from '../xml/read-xml.js';
import { CfdiParseError, describeParseError } from './errors.js';
import { parseCfdi } from './parse-cfdi.js';

const CFDI4 = 'xmlns:cfdi="http://www.sat.gob.mx/cfd/4"';
const CFDI3 = 'xmlns:cfdi="http://www.sat.gob.mx/cfd/3"';

function catchRefusal(xml: string) {
  try {
    parseCfdi(xml);
  } catch (error) {
    if (error instanceof CfdiParseError) return { code: error.code, category: error.category };
    throw error;
  }
  throw new Error('accepted');
}

describe('parseCfdi refuses what is not a CFDI it reads', () => {
  it.each([
    ['another root element', '<factura Total="1160.00"/>', 'NOT_A_CFDI'],
    ['a CFDI node that is not the root', `<cfdi:Emisor ${CFDI4} Rfc="EKU9003173C9"/>`, 'NOT_A_CFDI'],
    ['a Comprobante without namespace', '<Comprobante Version="4.0"/>', 'UNKNOWN_NAMESPACE'],
    [
      'a Comprobante in a wrong namespace',
      '<c:Comprobante xmlns:c="urn:x" Version="4.0"/>',
      'UNKNOWN_NAMESPACE',
    ],
    ['a CFDI 3.2 (lowercase version)', `<cfdi:Comprobante ${CFDI3} version="3.2"/>`, 'UNSUPPORTED_VERSION'],
    ['Version="3.2"', `<cfdi:Comprobante ${CFDI3} Version="3.2"/>`, 'UNSUPPORTED_VERSION'],
    ['a CFD 2.2', '<Comprobante xmlns="http://www.sat.gob.mx/cfd/2" version="2.2"/>', 'UNSUPPORTED_VERSION'],
    ['an unknown Version', `<cfdi:Comprobante ${CFDI4} Version="5.0"/>`, 'UNKNOWN_VERSION'],
    ['Version 4.0 in the 3.3 namespace', `<cfdi:Comprobante ${CFDI3} Version="4.0"/>`, 'UNKNOWN_VERSION'],
  ])('refuses %s as a schema finding', (_label, xml, code) => {
    expect(catchRefusal(xml)).toEqual({ code, category: 'schema' });
  });

  it('explains the refusal in Spanish, naming what was found', () => {
    try {
      parseCfdi('<factura/>');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CfdiParseError);
      expect((error as CfdiParseError).detail).toContain('<factura>');
      expect(describeParseError(error)).toEqual({
        code: 'NOT_A_CFDI',
        severity: 'error',
        category: 'schema',
        message: (error as CfdiParseError).detail,
      });
    }
  });

  it('lets the XML reader refusals through unchanged, and describes them as findings too', () => {
    let caught: unknown;
    try {
      parseCfdi('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(XmlReadError);
    expect(describeParseError(caught)).toMatchObject({ code: 'DOCTYPE_FORBIDDEN', category: 'security' });
    expect(describeParseError(new TypeError('bug'))).toBeNull();
    expect(() => parseCfdi('<a>', {})).toThrow(XmlReadError);
    expect(() => parseCfdi(`<cfdi:Comprobante ${CFDI4}/>`, { maxBytes: 10 })).toThrow(XmlReadError);
  });

  it.each([
    ['an unclosed processing instruction after the root', `<cfdi:Comprobante ${CFDI4}/><?x`, 'schema'],
    ['an unclosed comment after the root', `<cfdi:Comprobante ${CFDI4}/><!--`, 'schema'],
    ['an unclosed CDATA after the root', `<cfdi:Comprobante ${CFDI4}/><![CDATA[x`, 'schema'],
    ['a declaration-like tag after the root', `<cfdi:Comprobante ${CFDI4}/><!x`, 'schema'],
  ])('refuses %s with XmlReadError, never another error', (_label, xml, category) => {
    expect(() => parseCfdi(xml)).toThrow(XmlReadError);
    try {
      parseCfdi(xml);
    } catch (error) {
      expect(error).toMatchObject({ code: 'NOT_WELL_FORMED', category });
    }
  });

  it.each([
    ['an element named __proto__', `<cfdi:Comprobante ${CFDI4}><__proto__/></cfdi:Comprobante>`],
    ['an attribute named constructor', `<cfdi:Comprobante ${CFDI4} constructor="x" __proto__="y"/>`],
    [
      'elements named after Object.prototype',
      `<cfdi:Comprobante ${CFDI4}><prototype/><toString/></cfdi:Comprobante>`,
    ],
  ])('reads %s as a plain XML name, polluting no prototype', (_label, xml) => {
    const cfdi = parseCfdi(xml);
    expect(cfdi.root.localName).toBe('Comprobante');
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });
});

describe('parseCfdi on odd but well-formed CFDIs', () => {
  it('reads a bare <cfdi:Comprobante/> with every field undefined, null or empty', () => {
    const cfdi = parseCfdi(`<cfdi:Comprobante ${CFDI4}/>`);
    expect(cfdi.version).toBe('4.0');
    expect(Object.values(cfdi.comprobante).every((value) => value === undefined)).toBe(true);
    expect(Object.keys(cfdi.comprobante)).toHaveLength(19);
    expect({ ...cfdi, comprobante: undefined, root: undefined }).toEqual({
      version: '4.0',
      informacionGlobal: null,
      cfdiRelacionados: [],
      emisor: null,
      receptor: null,
      conceptos: [],
      impuestos: null,
      timbreFiscalDigital: null,
      impuestosLocales: null,
      pagos: null,
      otherComplements: [],
      hasAddenda: false,
    });
  });

  it('takes the version from the namespace when the Version attribute is missing', () => {
    expect(parseCfdi(`<cfdi:Comprobante ${CFDI3}/>`).version).toBe('3.3');
    expect(parseCfdi('<Comprobante xmlns="http://www.sat.gob.mx/cfd/4" Version=" 4.0"/>').version).toBe(
      '4.0',
    );
  });

  it('gives undefined for missing attributes and empty containers for elements without children', () => {
    const cfdi = parseCfdi(
      `<cfdi:Comprobante ${CFDI4} Version="4.0"><cfdi:Emisor/><cfdi:Conceptos><cfdi:Concepto><cfdi:Impuestos/></cfdi:Concepto></cfdi:Conceptos><cfdi:Impuestos/><cfdi:Complemento/></cfdi:Comprobante>`,
    );
    expect(cfdi.emisor).toEqual({
      rfc: undefined,
      nombre: undefined,
      regimenFiscal: undefined,
      facAtrAdquirente: undefined,
    });
    expect(cfdi.conceptos[0]?.impuestos).toEqual({ traslados: [], retenciones: [] });
    expect(cfdi.conceptos[0]?.cuentaPredial).toEqual([]);
    expect(cfdi.impuestos).toEqual({
      totalImpuestosTrasladados: undefined,
      totalImpuestosRetenidos: undefined,
      traslados: [],
      retenciones: [],
    });
  });

  it('ignores unknown elements and attributes, and elements of another namespace', () => {
    const cfdi = parseCfdi(
      `<cfdi:Comprobante ${CFDI4} xmlns:x="urn:x" Version="4.0" Extra="1" x:Total="9"><x:Emisor Rfc="X"/><cfdi:Raro/><cfdi:Emisor Rfc="EKU9003173C9"/><cfdi:Emisor Rfc="SEGUNDO"/></cfdi:Comprobante>`,
    );
    expect(cfdi.comprobante.total).toBeUndefined();
    expect(cfdi.emisor?.rfc).toBe('EKU9003173C9');
  });

  it('reads 4.0 InformacionGlobal, several CfdiRelacionados groups, ACuentaTerceros and ComplementoConcepto', () => {
    const cfdi = parseCfdi(
      `<cfdi:Comprobante ${CFDI4} Version="4.0">
        <cfdi:InformacionGlobal Periodicidad="04" Meses="01" Año="2025"/>
        <cfdi:CfdiRelacionados TipoRelacion="04"><cfdi:CfdiRelacionado UUID="a"/><cfdi:CfdiRelacionado UUID="b"/></cfdi:CfdiRelacionados>
        <cfdi:CfdiRelacionados TipoRelacion="07"><cfdi:CfdiRelacionado/><cfdi:CfdiRelacionado UUID="c"/></cfdi:CfdiRelacionados>
        <cfdi:Conceptos><cfdi:Concepto Importe="1">
          <cfdi:ACuentaTerceros RfcACuentaTerceros="XAXX010101000" NombreACuentaTerceros="T" RegimenFiscalACuentaTerceros="616" DomicilioFiscalACuentaTerceros="01000"/>
          <cfdi:CuentaPredial Numero="1"/><cfdi:CuentaPredial Numero="2"/>
          <cfdi:ComplementoConcepto><iedu:instEducativas xmlns:iedu="http://www.sat.gob.mx/iedu"/></cfdi:ComplementoConcepto>
        </cfdi:Concepto></cfdi:Conceptos>
      </cfdi:Comprobante>`,
    );
    expect(cfdi.informacionGlobal).toEqual({ periodicidad: '04', meses: '01', año: '2025' });
    expect(cfdi.cfdiRelacionados).toEqual([
      { tipoRelacion: '04', uuids: ['a', 'b'] },
      { tipoRelacion: '07', uuids: ['c'] },
    ]);
    const [concepto] = cfdi.conceptos;
    expect(concepto?.aCuentaTerceros?.rfcACuentaTerceros).toBe('XAXX010101000');
    expect(concepto?.cuentaPredial).toEqual([{ numero: '1' }, { numero: '2' }]);
    expect(concepto?.complementoConcepto).toEqual([
      { namespace: 'http://www.sat.gob.mx/iedu', localName: 'instEducativas' },
    ]);
  });

  it('lists complements it does not model, repeats of modeled ones included, and notes an addenda', () => {
    const cfdi = parseCfdi(
      `<cfdi:Comprobante ${CFDI3} Version="3.3">
        <cfdi:Complemento>
          <pago10:Pagos xmlns:pago10="http://www.sat.gob.mx/Pagos" Version="1.0"/>
          <tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" UUID="first"/>
        </cfdi:Complemento>
        <cfdi:Complemento>
          <tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" UUID="second"/>
          <nomina12:Nomina xmlns:nomina12="http://www.sat.gob.mx/nomina12"/>
        </cfdi:Complemento>
        <cfdi:Addenda><cualquier cosa="sí"/></cfdi:Addenda>
      </cfdi:Comprobante>`,
    );
    expect(cfdi.timbreFiscalDigital?.uuidAsWritten).toBe('first');
    expect(cfdi.otherComplements).toEqual([
      { namespace: 'http://www.sat.gob.mx/Pagos', localName: 'Pagos' },
      { namespace: 'http://www.sat.gob.mx/TimbreFiscalDigital', localName: 'TimbreFiscalDigital' },
      { namespace: 'http://www.sat.gob.mx/nomina12', localName: 'Nomina' },
    ]);
    expect(cfdi.pagos).toBeNull();
    expect(cfdi.hasAddenda).toBe(true);
  });

  it('reads a CFDI given as bytes, with a BOM, the same as the string', () => {
    const xml = `<cfdi:Comprobante ${CFDI4} Version="4.0" Total="1160.00"/>`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect(parseCfdi(bytes).comprobante.total).toBe('1160.00');
  });
});

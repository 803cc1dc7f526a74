import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlReadError } from '../xml/read-xml.js';
import { cfdiUuid } from './cfdi-uuid.js';
import { CfdiParseError } from './errors.js';
import { parseCfdi } from './parse-cfdi.js';
import { cfdiTotals } from './totals.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const FIXTURE_TEXTS = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.xml'))
  .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));
const NAMESPACES =
  'xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" ' +
  'xmlns:implocal="http://www.sat.gob.mx/implocal" xmlns:pago20="http://www.sat.gob.mx/Pagos20" xmlns:x="urn:x"';
/** Per input: far above the ~0.1 ms a fixture takes, so only a hang or a blow-up fails it. */
const TIME_BOUND_MS = 1_000;

/** Amounts as the SAT writes them (t_Importe: up to 18 integer digits, up to 6 decimals) plus edge cases. */
const decimalText = fc.oneof(
  fc.constantFrom('0', '0.000001', '1160.00', '1160.50', '0.160000', '12345678901234.123456', '000123.4500'),
  fc
    .tuple(
      fc.stringMatching(/^[0-9]{1,18}$/),
      fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
    )
    .map(([integer, fraction]) => (fraction === undefined ? integer : `${integer}.${fraction}`)),
);

/** Parses, then uses the result the way the product does; only the two refusals may escape. */
function parseWithinBounds(input: string | Uint8Array): void {
  const started = performance.now();
  try {
    const cfdi = parseCfdi(input);
    cfdiTotals(cfdi);
    cfdiUuid(cfdi);
  } catch (error) {
    if (!(error instanceof XmlReadError || error instanceof CfdiParseError)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
}

/** BigInt oracle for a sum of decimal strings, independent of decimal.js. */
function sumWithBigInt(texts: string[]): string {
  const scale = Math.max(0, ...texts.map((text) => text.split('.')[1]?.length ?? 0));
  const units = texts.reduce((sum, text) => {
    const [integer = '0', fraction = ''] = text.split('.');
    return sum + BigInt(integer + fraction.padEnd(scale, '0'));
  }, 0n);
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

describe('parseCfdi properties', () => {
  it('returns every amount byte-identical to the attribute text', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { minLength: 16, maxLength: 16 }), (amounts) => {
        const [subTotal, descuento, tipoCambio, total, cantidad, valorUnitario, importe, base] = amounts;
        const [tasa, trasladoImporte, retencionImporte, totalTraslados, local, monto, pagado, equivalencia] =
          amounts.slice(8);
        const xml = `<cfdi:Comprobante ${NAMESPACES} Version="4.0" SubTotal="${subTotal}" Descuento="${descuento}" TipoCambio="${tipoCambio}" Total="${total}">
          <cfdi:Conceptos><cfdi:Concepto Cantidad="${cantidad}" ValorUnitario="${valorUnitario}" Importe="${importe}" Descuento="${descuento}">
            <cfdi:Impuestos><cfdi:Traslados><cfdi:Traslado Base="${base}" TasaOCuota="${tasa}" Importe="${trasladoImporte}"/></cfdi:Traslados>
            <cfdi:Retenciones><cfdi:Retencion Base="${base}" TasaOCuota="${tasa}" Importe="${retencionImporte}"/></cfdi:Retenciones></cfdi:Impuestos>
          </cfdi:Concepto></cfdi:Conceptos>
          <cfdi:Impuestos TotalImpuestosTrasladados="${totalTraslados}" TotalImpuestosRetenidos="${retencionImporte}">
            <cfdi:Retenciones><cfdi:Retencion Impuesto="001" Importe="${retencionImporte}"/></cfdi:Retenciones>
            <cfdi:Traslados><cfdi:Traslado Base="${base}" Impuesto="002" TasaOCuota="${tasa}" Importe="${trasladoImporte}"/></cfdi:Traslados>
          </cfdi:Impuestos>
          <cfdi:Complemento>
            <implocal:ImpuestosLocales TotaldeTraslados="${local}"><implocal:TrasladosLocales TasadeTraslado="${tasa}" Importe="${local}"/></implocal:ImpuestosLocales>
            <pago20:Pagos><pago20:Pago Monto="${monto}"><pago20:DoctoRelacionado ImpPagado="${pagado}" EquivalenciaDR="${equivalencia}"/></pago20:Pago></pago20:Pagos>
          </cfdi:Complemento>
        </cfdi:Comprobante>`;
        const cfdi = parseCfdi(xml);
        const [concepto] = cfdi.conceptos;
        const pago = cfdi.pagos?.pago[0];
        expect([
          ...[
            cfdi.comprobante.subTotal,
            cfdi.comprobante.descuento,
            cfdi.comprobante.tipoCambio,
            cfdi.comprobante.total,
          ],
          ...[
            concepto?.cantidad,
            concepto?.valorUnitario,
            concepto?.importe,
            concepto?.impuestos?.traslados[0]?.base,
          ],
          ...[concepto?.impuestos?.traslados[0]?.tasaOCuota, concepto?.impuestos?.traslados[0]?.importe],
          ...[concepto?.impuestos?.retenciones[0]?.importe, cfdi.impuestos?.totalImpuestosTrasladados],
          ...[
            cfdi.impuestosLocales?.trasladosLocales[0]?.importe,
            pago?.monto,
            pago?.doctoRelacionado[0]?.impPagado,
          ],
          pago?.doctoRelacionado[0]?.equivalenciaDR,
        ]).toEqual(amounts);
        expect(concepto?.descuento).toBe(descuento);
        expect(cfdi.impuestos?.traslados[0]?.importe).toBe(trasladoImporte);
        expect(cfdi.impuestosLocales?.totalDeTraslados).toBe(local);
      }),
      { numRuns: 300 },
    );
  });

  it('sums taxes exactly: cfdiTotals agrees with a BigInt sum of the same strings', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { minLength: 1, maxLength: 30 }), (importes) => {
        const traslados = importes
          .map((importe) => `<cfdi:Traslado Impuesto="002" Importe="${importe}"/>`)
          .join('');
        const cfdi = parseCfdi(
          `<cfdi:Comprobante ${NAMESPACES}><cfdi:Impuestos><cfdi:Traslados>${traslados}</cfdi:Traslados></cfdi:Impuestos></cfdi:Comprobante>`,
        );
        const expected = sumWithBigInt(importes);
        expect(cfdiTotals(cfdi).traslados).toEqual({ isr: '0', iva: expected, ieps: '0', total: expected });
      }),
      { numRuns: 300 },
    );
  });
});

/** Elements a CFDI can hold, so random trees reach every reader instead of stopping at the root. */
const ELEMENT_NAMES = [
  ...['Emisor', 'Receptor', 'Conceptos', 'Concepto', 'Impuestos', 'Traslados', 'Traslado', 'Retenciones'],
  ...['Retencion', 'Complemento', 'CfdiRelacionados', 'CfdiRelacionado', 'Parte', 'InformacionAduanera'],
  ...['CuentaPredial', 'ACuentaTerceros', 'ComplementoConcepto', 'InformacionGlobal', 'Addenda'],
].map((name) => `cfdi:${name}`);
const COMPLEMENT_NAMES = [
  ...['tfd:TimbreFiscalDigital', 'implocal:ImpuestosLocales', 'implocal:TrasladosLocales'],
  ...[
    'implocal:RetencionesLocales',
    'pago20:Pagos',
    'pago20:Pago',
    'pago20:Totales',
    'pago20:DoctoRelacionado',
  ],
  ...[
    'pago20:ImpuestosDR',
    'pago20:TrasladosDR',
    'pago20:TrasladoDR',
    'pago20:RetencionesDR',
    'pago20:RetencionDR',
  ],
  ...['pago20:ImpuestosP', 'pago20:TrasladosP', 'pago20:TrasladoP', 'x:Otro', 'Sin'],
];
const ATTRIBUTE_NAMES = [
  ...[
    'Rfc',
    'Importe',
    'Base',
    'Impuesto',
    'TipoFactor',
    'TasaOCuota',
    'UUID',
    'Version',
    'version',
    'Total',
  ],
  ...['SubTotal', 'Descuento', 'TotaldeTraslados', 'Monto', 'ImpPagado', 'TipoRelacion', 'x:Total'],
];
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A random element with up to `depth` levels below it (explicit depth: fc.letrec can overflow the stack). */
function generateXmlTree(depth: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...ELEMENT_NAMES, ...COMPLEMENT_NAMES),
      fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), fc.oneof(decimalText, fc.string())), {
        maxLength: 4,
        selector: ([name]) => name,
      }),
      depth > 0 ? fc.array(generateXmlTree(depth - 1), { maxLength: 3 }) : fc.constant([]),
    )
    .map(([name, attributes, children]) => {
      const written = attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
      return `<${name}${written}>${children.join('')}</${name}>`;
    });
}

/** A text edit: delete `length` characters at `at` and insert `text` there. */
const edit = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 8 }),
  text: fc.oneof(
    fc.constantFrom('<', '>', '"', '&', '/', '=', ':', '<!DOCTYPE', ']]>', '&#0;', '\u0000'),
    fc.string(),
  ),
});

describe('parseCfdi fuzzing: only XmlReadError or CfdiParseError, never a hang', () => {
  it('survives arbitrary strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parseWithinBounds), {
      numRuns: 300,
    });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), parseWithinBounds), { numRuns: 300 });
  });

  it('survives random edits of the fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_TEXTS),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (text, edits) => {
          const mutated = edits.reduce((xml, { at, length, text: inserted }) => {
            const position = at % (xml.length + 1);
            return xml.slice(0, position) + inserted + xml.slice(position + length);
          }, text);
          parseWithinBounds(mutated);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives random byte flips and truncations of the fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_TEXTS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 5 }),
        fc.nat(),
        (text, flips, cut) => {
          const bytes = new TextEncoder().encode(text);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          parseWithinBounds(bytes.subarray(0, cut % (bytes.length + 1)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads any well-formed tree of CFDI elements under a Comprobante without throwing at all', () => {
    fc.assert(
      fc.property(fc.array(generateXmlTree(4), { maxLength: 6 }), (children) => {
        const started = performance.now();
        const cfdi = parseCfdi(
          `<cfdi:Comprobante ${NAMESPACES} Version="4.0">${children.join('')}</cfdi:Comprobante>`,
        );
        cfdiTotals(cfdi);
        cfdiUuid(cfdi);
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      }),
      { numRuns: 300 },
    );
  });
});

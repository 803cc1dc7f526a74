import type { ComputedTax, ComputedTotals } from './compute.js';
import type { CheckedCfdi } from './validate-input.js';

const CFDI_NAMESPACE = 'http://www.sat.gob.mx/cfd/4';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA_LOCATION = `${CFDI_NAMESPACE} http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd`;

type Attributes = readonly (readonly [string, string | undefined])[];

/** Whether XML 1.0 can carry this code point at all (its Char production), even as a reference. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Whether every character of the text can be written in XML 1.0 (lone surrogates cannot). */
export function isXmlText(text: string): boolean {
  for (const char of text) if (!isXmlChar(char.codePointAt(0) ?? 0)) return false;
  return true;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // As references, or a parser would normalize them to spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes an attribute value. Characters XML 1.0 cannot carry at all are a bug here (the input
 * checks refuse them first), so they throw instead of producing a document nobody can read.
 */
export function escapeXmlAttribute(value: string): string {
  if (!isXmlText(value)) throw new Error('the value has characters that XML 1.0 cannot carry');
  return value.replace(/[&<>"\t\n\r]/g, (char) => ESCAPES[char] ?? char);
}

/** One element, attributes in the given order (the XSD's), absent ones skipped; children indented. */
function writeElement(name: string, attributes: Attributes, children: string[] = [], depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributeText = attributes
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (children.length === 0) return `${indent}<cfdi:${name}${attributeText}/>`;
  return `${indent}<cfdi:${name}${attributeText}>\n${children.join('\n')}\n${indent}</cfdi:${name}>`;
}

function writeTaxes(name: 'Traslado' | 'Retencion', taxes: ComputedTax[], depth: number): string[] {
  if (taxes.length === 0) return [];
  const lines = taxes.map((tax) =>
    writeElement(
      name,
      [
        ['Base', tax.base],
        ['Impuesto', tax.impuesto],
        ['TipoFactor', tax.tipoFactor],
        ['TasaOCuota', tax.tasaOCuota],
        ['Importe', tax.importe],
      ],
      [],
      depth + 1,
    ),
  );
  return [writeElement(`${name === 'Traslado' ? 'Traslados' : 'Retenciones'}`, [], lines, depth)];
}

function writeConceptos(totals: ComputedTotals): string {
  const conceptos = totals.conceptos.map(({ concepto, importe, descuento, traslados, retenciones }) => {
    const taxes = [...writeTaxes('Traslado', traslados, 4), ...writeTaxes('Retencion', retenciones, 4)];
    return writeElement(
      'Concepto',
      [
        ['ClaveProdServ', concepto.claveProdServ],
        ['NoIdentificacion', concepto.noIdentificacion],
        ['Cantidad', concepto.cantidad],
        ['ClaveUnidad', concepto.claveUnidad],
        ['Unidad', concepto.unidad],
        ['Descripcion', concepto.descripcion],
        ['ValorUnitario', concepto.valorUnitario],
        ['Importe', importe],
        ['Descuento', descuento],
        ['ObjetoImp', concepto.objetoImp],
      ],
      taxes.length > 0 ? [writeElement('Impuestos', [], taxes, 3)] : [],
      2,
    );
  });
  return writeElement('Conceptos', [], conceptos, 1);
}

function writeImpuestos(totals: ComputedTotals): string[] {
  const impuestos = totals.impuestos;
  if (!impuestos) return [];
  const retenciones = impuestos.retenciones.map((tax) =>
    writeElement(
      'Retencion',
      [
        ['Impuesto', tax.impuesto],
        ['Importe', tax.importe],
      ],
      [],
      3,
    ),
  );
  const children = [
    ...(retenciones.length > 0 ? [writeElement('Retenciones', [], retenciones, 2)] : []),
    ...writeTaxes('Traslado', impuestos.traslados, 2),
  ];
  const attributes: Attributes = [
    ['TotalImpuestosRetenidos', impuestos.totalImpuestosRetenidos],
    ['TotalImpuestosTrasladados', impuestos.totalImpuestosTrasladados],
  ];
  return [writeElement('Impuestos', attributes, children, 1)];
}

/**
 * Writes the CFDI 4.0 document, with attributes and elements in cfdv40.xsd's order. Sello,
 * NoCertificado and Certificado are written empty in their schema places: sealCfdi fills them in
 * place, so the sealed document keeps the canonical order.
 */
export function writeCfdi40(cfdi: CheckedCfdi, totals: ComputedTotals): string {
  const global = cfdi.informacionGlobal;
  const children = [
    ...(global
      ? [
          writeElement(
            'InformacionGlobal',
            [
              ['Periodicidad', global.periodicidad],
              ['Meses', global.meses],
              ['Año', global.año],
            ],
            [],
            1,
          ),
        ]
      : []),
    ...(cfdi.cfdiRelacionados ?? []).map((group) =>
      writeElement(
        'CfdiRelacionados',
        [['TipoRelacion', group.tipoRelacion]],
        group.uuids.map((uuid) => writeElement('CfdiRelacionado', [['UUID', uuid]], [], 2)),
        1,
      ),
    ),
    writeElement(
      'Emisor',
      [
        ['Rfc', cfdi.emisor.rfc],
        ['Nombre', cfdi.emisor.nombre],
        ['RegimenFiscal', cfdi.emisor.regimenFiscal],
      ],
      [],
      1,
    ),
    writeElement(
      'Receptor',
      [
        ['Rfc', cfdi.receptor.rfc],
        ['Nombre', cfdi.receptor.nombre],
        ['DomicilioFiscalReceptor', cfdi.receptor.domicilioFiscalReceptor],
        ['RegimenFiscalReceptor', cfdi.receptor.regimenFiscalReceptor],
        ['UsoCFDI', cfdi.receptor.usoCfdi],
      ],
      [],
      1,
    ),
    writeConceptos(totals),
    ...writeImpuestos(totals),
  ];
  const root = writeElement(
    'Comprobante',
    [
      ['xmlns:cfdi', CFDI_NAMESPACE],
      ['xmlns:xsi', XSI_NAMESPACE],
      ['xsi:schemaLocation', SCHEMA_LOCATION],
      ['Version', '4.0'],
      ['Serie', cfdi.serie],
      ['Folio', cfdi.folio],
      ['Fecha', cfdi.fecha],
      ['Sello', ''],
      ['FormaPago', cfdi.formaPago],
      ['NoCertificado', ''],
      ['Certificado', ''],
      ['SubTotal', totals.subTotal],
      ['Descuento', totals.descuento],
      ['Moneda', cfdi.moneda],
      ['TipoCambio', cfdi.tipoCambio],
      ['Total', totals.total],
      ['TipoDeComprobante', cfdi.tipoDeComprobante],
      ['Exportacion', cfdi.exportacion],
      ['MetodoPago', cfdi.metodoPago],
      ['LugarExpedicion', cfdi.lugarExpedicion],
    ],
    children,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

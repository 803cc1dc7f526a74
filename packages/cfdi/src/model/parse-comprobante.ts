import { childrenOf, type XmlElement } from '../xml/read-xml.js';
import { findFirstChild, listGrandchildren, readAttributes } from './read-nodes.js';
import type {
  CfdiRelacionados,
  Comprobante,
  Emisor,
  Impuestos,
  InformacionGlobal,
  Receptor,
} from './types.js';

// Each reader takes the namespace of the document's version: cfd/3 and cfd/4 share element names.

/** Attributes of the root cfdi:Comprobante. */
export function parseComprobante(root: XmlElement): Comprobante {
  return readAttributes(root, {
    version: 'Version',
    serie: 'Serie',
    folio: 'Folio',
    fecha: 'Fecha',
    sello: 'Sello',
    formaPago: 'FormaPago',
    noCertificado: 'NoCertificado',
    certificado: 'Certificado',
    condicionesDePago: 'CondicionesDePago',
    subTotal: 'SubTotal',
    descuento: 'Descuento',
    moneda: 'Moneda',
    tipoCambio: 'TipoCambio',
    total: 'Total',
    tipoDeComprobante: 'TipoDeComprobante',
    exportacion: 'Exportacion',
    metodoPago: 'MetodoPago',
    lugarExpedicion: 'LugarExpedicion',
    confirmacion: 'Confirmacion',
  });
}

export function parseInformacionGlobal(root: XmlElement, namespace: string): InformacionGlobal | null {
  const element = findFirstChild(root, namespace, 'InformacionGlobal');
  if (!element) return null;
  return readAttributes(element, { periodicidad: 'Periodicidad', meses: 'Meses', año: 'Año' });
}

/** Every CfdiRelacionados group (4.0 allows several; 3.3 one, read the same way). */
export function parseCfdiRelacionados(root: XmlElement, namespace: string): CfdiRelacionados[] {
  return childrenOf(root, namespace, 'CfdiRelacionados').map((group) => ({
    ...readAttributes(group, { tipoRelacion: 'TipoRelacion' }),
    uuids: childrenOf(group, namespace, 'CfdiRelacionado')
      .map((related) => readAttributes(related, { uuid: 'UUID' }).uuid)
      .filter((uuid): uuid is string => uuid !== undefined),
  }));
}

export function parseEmisor(root: XmlElement, namespace: string): Emisor | null {
  const element = findFirstChild(root, namespace, 'Emisor');
  if (!element) return null;
  return readAttributes(element, {
    rfc: 'Rfc',
    nombre: 'Nombre',
    regimenFiscal: 'RegimenFiscal',
    facAtrAdquirente: 'FacAtrAdquirente',
  });
}

export function parseReceptor(root: XmlElement, namespace: string): Receptor | null {
  const element = findFirstChild(root, namespace, 'Receptor');
  if (!element) return null;
  return readAttributes(element, {
    rfc: 'Rfc',
    nombre: 'Nombre',
    domicilioFiscalReceptor: 'DomicilioFiscalReceptor',
    residenciaFiscal: 'ResidenciaFiscal',
    numRegIdTrib: 'NumRegIdTrib',
    regimenFiscalReceptor: 'RegimenFiscalReceptor',
    usoCfdi: 'UsoCFDI',
  });
}

/** The comprobante-level Impuestos: the summary of the conceptos' taxes by impuesto and rate. */
export function parseImpuestos(root: XmlElement, namespace: string): Impuestos | null {
  const element = findFirstChild(root, namespace, 'Impuestos');
  if (!element) return null;
  return {
    ...readAttributes(element, {
      totalImpuestosTrasladados: 'TotalImpuestosTrasladados',
      totalImpuestosRetenidos: 'TotalImpuestosRetenidos',
    }),
    traslados: listGrandchildren(element, namespace, 'Traslados', 'Traslado').map((traslado) =>
      readAttributes(traslado, {
        base: 'Base',
        impuesto: 'Impuesto',
        tipoFactor: 'TipoFactor',
        tasaOCuota: 'TasaOCuota',
        importe: 'Importe',
      }),
    ),
    retenciones: listGrandchildren(element, namespace, 'Retenciones', 'Retencion').map((retencion) =>
      readAttributes(retencion, { impuesto: 'Impuesto', importe: 'Importe' }),
    ),
  };
}

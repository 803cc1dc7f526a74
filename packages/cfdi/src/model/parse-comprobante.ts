import { attr, childrenOf, type XmlElement } from '../xml/read-xml.js';
import { findFirstChild, listGrandchildren } from './read-nodes.js';
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
  return {
    version: attr(root, 'Version'),
    serie: attr(root, 'Serie'),
    folio: attr(root, 'Folio'),
    fecha: attr(root, 'Fecha'),
    sello: attr(root, 'Sello'),
    formaPago: attr(root, 'FormaPago'),
    noCertificado: attr(root, 'NoCertificado'),
    certificado: attr(root, 'Certificado'),
    condicionesDePago: attr(root, 'CondicionesDePago'),
    subTotal: attr(root, 'SubTotal'),
    descuento: attr(root, 'Descuento'),
    moneda: attr(root, 'Moneda'),
    tipoCambio: attr(root, 'TipoCambio'),
    total: attr(root, 'Total'),
    tipoDeComprobante: attr(root, 'TipoDeComprobante'),
    exportacion: attr(root, 'Exportacion'),
    metodoPago: attr(root, 'MetodoPago'),
    lugarExpedicion: attr(root, 'LugarExpedicion'),
    confirmacion: attr(root, 'Confirmacion'),
  };
}

export function parseInformacionGlobal(root: XmlElement, namespace: string): InformacionGlobal | null {
  const element = findFirstChild(root, namespace, 'InformacionGlobal');
  if (!element) return null;
  return {
    periodicidad: attr(element, 'Periodicidad'),
    meses: attr(element, 'Meses'),
    año: attr(element, 'Año'),
  };
}

/** Every CfdiRelacionados group (4.0 allows several; 3.3 one, read the same way). */
export function parseCfdiRelacionados(root: XmlElement, namespace: string): CfdiRelacionados[] {
  return childrenOf(root, namespace, 'CfdiRelacionados').map((group) => ({
    tipoRelacion: attr(group, 'TipoRelacion'),
    uuids: childrenOf(group, namespace, 'CfdiRelacionado')
      .map((related) => attr(related, 'UUID'))
      .filter((uuid): uuid is string => uuid !== undefined),
  }));
}

export function parseEmisor(root: XmlElement, namespace: string): Emisor | null {
  const element = findFirstChild(root, namespace, 'Emisor');
  if (!element) return null;
  return {
    rfc: attr(element, 'Rfc'),
    nombre: attr(element, 'Nombre'),
    regimenFiscal: attr(element, 'RegimenFiscal'),
    facAtrAdquirente: attr(element, 'FacAtrAdquirente'),
  };
}

export function parseReceptor(root: XmlElement, namespace: string): Receptor | null {
  const element = findFirstChild(root, namespace, 'Receptor');
  if (!element) return null;
  return {
    rfc: attr(element, 'Rfc'),
    nombre: attr(element, 'Nombre'),
    domicilioFiscalReceptor: attr(element, 'DomicilioFiscalReceptor'),
    residenciaFiscal: attr(element, 'ResidenciaFiscal'),
    numRegIdTrib: attr(element, 'NumRegIdTrib'),
    regimenFiscalReceptor: attr(element, 'RegimenFiscalReceptor'),
    usoCfdi: attr(element, 'UsoCFDI'),
  };
}

/** The comprobante-level Impuestos: the summary of the conceptos' taxes by impuesto and rate. */
export function parseImpuestos(root: XmlElement, namespace: string): Impuestos | null {
  const element = findFirstChild(root, namespace, 'Impuestos');
  if (!element) return null;
  return {
    totalImpuestosTrasladados: attr(element, 'TotalImpuestosTrasladados'),
    totalImpuestosRetenidos: attr(element, 'TotalImpuestosRetenidos'),
    traslados: listGrandchildren(element, namespace, 'Traslados', 'Traslado').map((traslado) => ({
      base: attr(traslado, 'Base'),
      impuesto: attr(traslado, 'Impuesto'),
      tipoFactor: attr(traslado, 'TipoFactor'),
      tasaOCuota: attr(traslado, 'TasaOCuota'),
      importe: attr(traslado, 'Importe'),
    })),
    retenciones: listGrandchildren(element, namespace, 'Retenciones', 'Retencion').map((retencion) => ({
      impuesto: attr(retencion, 'Impuesto'),
      importe: attr(retencion, 'Importe'),
    })),
  };
}

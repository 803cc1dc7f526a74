import { attr, childrenOf, type XmlElement } from '../xml/read-xml.js';
import { findFirstChild, listGrandchildren, referElement } from './read-nodes.js';
import type {
  ACuentaTerceros,
  Concepto,
  ConceptoImpuesto,
  ConceptoImpuestos,
  InformacionAduanera,
  Parte,
} from './types.js';

/** Every Concepto inside the first cfdi:Conceptos, in document order. */
export function parseConceptos(root: XmlElement, namespace: string): Concepto[] {
  const conceptos = findFirstChild(root, namespace, 'Conceptos');
  if (!conceptos) return [];
  return childrenOf(conceptos, namespace, 'Concepto').map((concepto) => parseConcepto(concepto, namespace));
}

function parseConcepto(element: XmlElement, namespace: string): Concepto {
  const complementoConcepto = findFirstChild(element, namespace, 'ComplementoConcepto');
  return {
    claveProdServ: attr(element, 'ClaveProdServ'),
    noIdentificacion: attr(element, 'NoIdentificacion'),
    cantidad: attr(element, 'Cantidad'),
    claveUnidad: attr(element, 'ClaveUnidad'),
    unidad: attr(element, 'Unidad'),
    descripcion: attr(element, 'Descripcion'),
    valorUnitario: attr(element, 'ValorUnitario'),
    importe: attr(element, 'Importe'),
    descuento: attr(element, 'Descuento'),
    objetoImp: attr(element, 'ObjetoImp'),
    impuestos: parseConceptoImpuestos(element, namespace),
    aCuentaTerceros: parseACuentaTerceros(element, namespace),
    informacionAduanera: parseInformacionAduanera(element, namespace),
    cuentaPredial: childrenOf(element, namespace, 'CuentaPredial').map((cuenta) => ({
      numero: attr(cuenta, 'Numero'),
    })),
    complementoConcepto: complementoConcepto ? complementoConcepto.children.map(referElement) : [],
    parte: childrenOf(element, namespace, 'Parte').map((parte) => parseParte(parte, namespace)),
  };
}

function parseConceptoImpuestos(concepto: XmlElement, namespace: string): ConceptoImpuestos | null {
  const element = findFirstChild(concepto, namespace, 'Impuestos');
  if (!element) return null;
  return {
    traslados: listGrandchildren(element, namespace, 'Traslados', 'Traslado').map(readConceptoImpuesto),
    retenciones: listGrandchildren(element, namespace, 'Retenciones', 'Retencion').map(readConceptoImpuesto),
  };
}

function readConceptoImpuesto(element: XmlElement): ConceptoImpuesto {
  return {
    base: attr(element, 'Base'),
    impuesto: attr(element, 'Impuesto'),
    tipoFactor: attr(element, 'TipoFactor'),
    tasaOCuota: attr(element, 'TasaOCuota'),
    importe: attr(element, 'Importe'),
  };
}

function parseACuentaTerceros(concepto: XmlElement, namespace: string): ACuentaTerceros | null {
  const element = findFirstChild(concepto, namespace, 'ACuentaTerceros');
  if (!element) return null;
  return {
    rfcACuentaTerceros: attr(element, 'RfcACuentaTerceros'),
    nombreACuentaTerceros: attr(element, 'NombreACuentaTerceros'),
    regimenFiscalACuentaTerceros: attr(element, 'RegimenFiscalACuentaTerceros'),
    domicilioFiscalACuentaTerceros: attr(element, 'DomicilioFiscalACuentaTerceros'),
  };
}

function parseInformacionAduanera(element: XmlElement, namespace: string): InformacionAduanera[] {
  return childrenOf(element, namespace, 'InformacionAduanera').map((informacion) => ({
    numeroPedimento: attr(informacion, 'NumeroPedimento'),
  }));
}

function parseParte(element: XmlElement, namespace: string): Parte {
  return {
    claveProdServ: attr(element, 'ClaveProdServ'),
    noIdentificacion: attr(element, 'NoIdentificacion'),
    cantidad: attr(element, 'Cantidad'),
    unidad: attr(element, 'Unidad'),
    descripcion: attr(element, 'Descripcion'),
    valorUnitario: attr(element, 'ValorUnitario'),
    importe: attr(element, 'Importe'),
    informacionAduanera: parseInformacionAduanera(element, namespace),
  };
}

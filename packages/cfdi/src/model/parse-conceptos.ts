import { childrenOf, type XmlElement } from '../xml/read-xml.js';
import { findFirstChild, listGrandchildren, readAttributes, referElement } from './read-nodes.js';
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
    ...readAttributes(element, {
      claveProdServ: 'ClaveProdServ',
      noIdentificacion: 'NoIdentificacion',
      cantidad: 'Cantidad',
      claveUnidad: 'ClaveUnidad',
      unidad: 'Unidad',
      descripcion: 'Descripcion',
      valorUnitario: 'ValorUnitario',
      importe: 'Importe',
      descuento: 'Descuento',
      objetoImp: 'ObjetoImp',
    }),
    impuestos: parseConceptoImpuestos(element, namespace),
    aCuentaTerceros: parseACuentaTerceros(element, namespace),
    informacionAduanera: parseInformacionAduanera(element, namespace),
    cuentaPredial: childrenOf(element, namespace, 'CuentaPredial').map((cuenta) =>
      readAttributes(cuenta, { numero: 'Numero' }),
    ),
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
  return readAttributes(element, {
    base: 'Base',
    impuesto: 'Impuesto',
    tipoFactor: 'TipoFactor',
    tasaOCuota: 'TasaOCuota',
    importe: 'Importe',
  });
}

function parseACuentaTerceros(concepto: XmlElement, namespace: string): ACuentaTerceros | null {
  const element = findFirstChild(concepto, namespace, 'ACuentaTerceros');
  if (!element) return null;
  return readAttributes(element, {
    rfcACuentaTerceros: 'RfcACuentaTerceros',
    nombreACuentaTerceros: 'NombreACuentaTerceros',
    regimenFiscalACuentaTerceros: 'RegimenFiscalACuentaTerceros',
    domicilioFiscalACuentaTerceros: 'DomicilioFiscalACuentaTerceros',
  });
}

function parseInformacionAduanera(element: XmlElement, namespace: string): InformacionAduanera[] {
  return childrenOf(element, namespace, 'InformacionAduanera').map((informacion) =>
    readAttributes(informacion, { numeroPedimento: 'NumeroPedimento' }),
  );
}

function parseParte(element: XmlElement, namespace: string): Parte {
  return {
    ...readAttributes(element, {
      claveProdServ: 'ClaveProdServ',
      noIdentificacion: 'NoIdentificacion',
      cantidad: 'Cantidad',
      unidad: 'Unidad',
      descripcion: 'Descripcion',
      valorUnitario: 'ValorUnitario',
      importe: 'Importe',
    }),
    informacionAduanera: parseInformacionAduanera(element, namespace),
  };
}

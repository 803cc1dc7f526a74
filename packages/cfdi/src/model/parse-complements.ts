import { attr, childrenOf, type XmlElement } from '../xml/read-xml.js';
import type { ImpuestosLocales, Pagos, TimbreFiscalDigital } from './complement-types.js';
import { parsePagos } from './parse-pagos.js';
import { IMPLOCAL_NAMESPACE, PAGOS20_NAMESPACE, referElement, TFD_NAMESPACE } from './read-nodes.js';
import type { ElementRef } from './types.js';

export interface Complements {
  timbreFiscalDigital: TimbreFiscalDigital | null;
  impuestosLocales: ImpuestosLocales | null;
  pagos: Pagos | null;
  otherComplements: ElementRef[];
}

/**
 * Reads the complements of every cfdi:Complemento (3.3 allows several of those elements; 4.0 one).
 * A modeled complement repeated is read from its first occurrence; the repeats are listed as other
 * complements so a caller can still see that something unusual is there.
 */
export function parseComplements(root: XmlElement, namespace: string): Complements {
  const found: Complements = {
    timbreFiscalDigital: null,
    impuestosLocales: null,
    pagos: null,
    otherComplements: [],
  };
  for (const complemento of childrenOf(root, namespace, 'Complemento')) {
    for (const child of complemento.children) {
      if (!readModeledComplement(child, found)) found.otherComplements.push(referElement(child));
    }
  }
  return found;
}

/** Fills the slot of a modeled complement; false when the element is not one, or its slot is taken. */
function readModeledComplement(element: XmlElement, found: Complements): boolean {
  const { namespace, localName } = element;
  if (namespace === TFD_NAMESPACE && localName === 'TimbreFiscalDigital' && !found.timbreFiscalDigital) {
    found.timbreFiscalDigital = parseTimbreFiscalDigital(element);
    return true;
  }
  if (namespace === IMPLOCAL_NAMESPACE && localName === 'ImpuestosLocales' && !found.impuestosLocales) {
    found.impuestosLocales = parseImpuestosLocales(element);
    return true;
  }
  if (namespace === PAGOS20_NAMESPACE && localName === 'Pagos' && !found.pagos) {
    found.pagos = parsePagos(element);
    return true;
  }
  return false;
}

function parseTimbreFiscalDigital(element: XmlElement): TimbreFiscalDigital {
  const uuidAsWritten = attr(element, 'UUID');
  return {
    version: attr(element, 'Version'),
    uuidAsWritten,
    fechaTimbrado: attr(element, 'FechaTimbrado'),
    rfcProvCertif: attr(element, 'RfcProvCertif'),
    leyenda: attr(element, 'Leyenda'),
    selloCfd: attr(element, 'SelloCFD'),
    noCertificadoSat: attr(element, 'NoCertificadoSAT'),
    selloSat: attr(element, 'SelloSAT'),
    uuid: uuidAsWritten?.toUpperCase(),
  };
}

function parseImpuestosLocales(element: XmlElement): ImpuestosLocales {
  return {
    version: attr(element, 'version'),
    totalDeRetenciones: attr(element, 'TotaldeRetenciones'),
    totalDeTraslados: attr(element, 'TotaldeTraslados'),
    retencionesLocales: childrenOf(element, IMPLOCAL_NAMESPACE, 'RetencionesLocales').map((retencion) => ({
      impLocRetenido: attr(retencion, 'ImpLocRetenido'),
      tasaDeRetencion: attr(retencion, 'TasadeRetencion'),
      importe: attr(retencion, 'Importe'),
    })),
    trasladosLocales: childrenOf(element, IMPLOCAL_NAMESPACE, 'TrasladosLocales').map((traslado) => ({
      impLocTrasladado: attr(traslado, 'ImpLocTrasladado'),
      tasaDeTraslado: attr(traslado, 'TasadeTraslado'),
      importe: attr(traslado, 'Importe'),
    })),
  };
}

import { childrenOf, type XmlElement } from '../xml/read-xml.js';
import type { ImpuestosLocales, Pagos, TimbreFiscalDigital } from './complement-types.js';
import { parsePagos } from './parse-pagos.js';
import {
  IMPLOCAL_NAMESPACE,
  PAGOS20_NAMESPACE,
  readAttributes,
  referElement,
  TFD_NAMESPACE,
} from './read-nodes.js';
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
  const key = `${element.namespace} ${element.localName}`;
  if (key === `${TFD_NAMESPACE} TimbreFiscalDigital` && !found.timbreFiscalDigital) {
    found.timbreFiscalDigital = parseTimbreFiscalDigital(element);
    return true;
  }
  if (key === `${IMPLOCAL_NAMESPACE} ImpuestosLocales` && !found.impuestosLocales) {
    found.impuestosLocales = parseImpuestosLocales(element);
    return true;
  }
  if (key === `${PAGOS20_NAMESPACE} Pagos` && !found.pagos) {
    found.pagos = parsePagos(element);
    return true;
  }
  return false;
}

function parseTimbreFiscalDigital(element: XmlElement): TimbreFiscalDigital {
  const values = readAttributes(element, {
    version: 'Version',
    uuidAsWritten: 'UUID',
    fechaTimbrado: 'FechaTimbrado',
    rfcProvCertif: 'RfcProvCertif',
    leyenda: 'Leyenda',
    selloCfd: 'SelloCFD',
    noCertificadoSat: 'NoCertificadoSAT',
    selloSat: 'SelloSAT',
  });
  return { ...values, uuid: values.uuidAsWritten?.toUpperCase() };
}

function parseImpuestosLocales(element: XmlElement): ImpuestosLocales {
  return {
    ...readAttributes(element, {
      version: 'version',
      totalDeRetenciones: 'TotaldeRetenciones',
      totalDeTraslados: 'TotaldeTraslados',
    }),
    retencionesLocales: childrenOf(element, IMPLOCAL_NAMESPACE, 'RetencionesLocales').map((retencion) =>
      readAttributes(retencion, {
        impLocRetenido: 'ImpLocRetenido',
        tasaDeRetencion: 'TasadeRetencion',
        importe: 'Importe',
      }),
    ),
    trasladosLocales: childrenOf(element, IMPLOCAL_NAMESPACE, 'TrasladosLocales').map((traslado) =>
      readAttributes(traslado, {
        impLocTrasladado: 'ImpLocTrasladado',
        tasaDeTraslado: 'TasadeTraslado',
        importe: 'Importe',
      }),
    ),
  };
}

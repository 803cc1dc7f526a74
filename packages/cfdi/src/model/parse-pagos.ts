import { attr, childrenOf, type XmlElement } from '../xml/read-xml.js';
import type {
  DoctoRelacionado,
  ImpuestoDR,
  ImpuestosDR,
  ImpuestosP,
  Pago,
  Pagos,
} from './complement-types.js';
import { findFirstChild, listGrandchildren, PAGOS20_NAMESPACE } from './read-nodes.js';

const NS = PAGOS20_NAMESPACE;

/** Complemento para recepción de pagos 2.0 (pago20:Pagos). */
export function parsePagos(element: XmlElement): Pagos {
  const totales = findFirstChild(element, NS, 'Totales');
  return {
    version: attr(element, 'Version'),
    totales: totales
      ? {
          totalRetencionesIVA: attr(totales, 'TotalRetencionesIVA'),
          totalRetencionesISR: attr(totales, 'TotalRetencionesISR'),
          totalRetencionesIEPS: attr(totales, 'TotalRetencionesIEPS'),
          totalTrasladosBaseIVA16: attr(totales, 'TotalTrasladosBaseIVA16'),
          totalTrasladosImpuestoIVA16: attr(totales, 'TotalTrasladosImpuestoIVA16'),
          totalTrasladosBaseIVA8: attr(totales, 'TotalTrasladosBaseIVA8'),
          totalTrasladosImpuestoIVA8: attr(totales, 'TotalTrasladosImpuestoIVA8'),
          totalTrasladosBaseIVA0: attr(totales, 'TotalTrasladosBaseIVA0'),
          totalTrasladosImpuestoIVA0: attr(totales, 'TotalTrasladosImpuestoIVA0'),
          totalTrasladosBaseIVAExento: attr(totales, 'TotalTrasladosBaseIVAExento'),
          montoTotalPagos: attr(totales, 'MontoTotalPagos'),
        }
      : null,
    pago: childrenOf(element, NS, 'Pago').map(parsePago),
  };
}

function parsePago(element: XmlElement): Pago {
  return {
    fechaPago: attr(element, 'FechaPago'),
    formaDePagoP: attr(element, 'FormaDePagoP'),
    monedaP: attr(element, 'MonedaP'),
    tipoCambioP: attr(element, 'TipoCambioP'),
    monto: attr(element, 'Monto'),
    numOperacion: attr(element, 'NumOperacion'),
    rfcEmisorCtaOrd: attr(element, 'RfcEmisorCtaOrd'),
    nomBancoOrdExt: attr(element, 'NomBancoOrdExt'),
    ctaOrdenante: attr(element, 'CtaOrdenante'),
    rfcEmisorCtaBen: attr(element, 'RfcEmisorCtaBen'),
    ctaBeneficiario: attr(element, 'CtaBeneficiario'),
    tipoCadPago: attr(element, 'TipoCadPago'),
    certPago: attr(element, 'CertPago'),
    cadPago: attr(element, 'CadPago'),
    selloPago: attr(element, 'SelloPago'),
    doctoRelacionado: childrenOf(element, NS, 'DoctoRelacionado').map(parseDoctoRelacionado),
    impuestosP: parseImpuestosP(element),
  };
}

function parseDoctoRelacionado(element: XmlElement): DoctoRelacionado {
  return {
    idDocumento: attr(element, 'IdDocumento'),
    serie: attr(element, 'Serie'),
    folio: attr(element, 'Folio'),
    monedaDR: attr(element, 'MonedaDR'),
    equivalenciaDR: attr(element, 'EquivalenciaDR'),
    numParcialidad: attr(element, 'NumParcialidad'),
    impSaldoAnt: attr(element, 'ImpSaldoAnt'),
    impPagado: attr(element, 'ImpPagado'),
    impSaldoInsoluto: attr(element, 'ImpSaldoInsoluto'),
    objetoImpDR: attr(element, 'ObjetoImpDR'),
    impuestosDR: parseImpuestosDR(element),
  };
}

function parseImpuestosDR(docto: XmlElement): ImpuestosDR | null {
  const element = findFirstChild(docto, NS, 'ImpuestosDR');
  if (!element) return null;
  return {
    retencionesDR: listGrandchildren(element, NS, 'RetencionesDR', 'RetencionDR').map(readImpuestoDR),
    trasladosDR: listGrandchildren(element, NS, 'TrasladosDR', 'TrasladoDR').map(readImpuestoDR),
  };
}

function readImpuestoDR(element: XmlElement): ImpuestoDR {
  return {
    baseDR: attr(element, 'BaseDR'),
    impuestoDR: attr(element, 'ImpuestoDR'),
    tipoFactorDR: attr(element, 'TipoFactorDR'),
    tasaOCuotaDR: attr(element, 'TasaOCuotaDR'),
    importeDR: attr(element, 'ImporteDR'),
  };
}

function parseImpuestosP(pago: XmlElement): ImpuestosP | null {
  const element = findFirstChild(pago, NS, 'ImpuestosP');
  if (!element) return null;
  return {
    retencionesP: listGrandchildren(element, NS, 'RetencionesP', 'RetencionP').map((retencion) => ({
      impuestoP: attr(retencion, 'ImpuestoP'),
      importeP: attr(retencion, 'ImporteP'),
    })),
    trasladosP: listGrandchildren(element, NS, 'TrasladosP', 'TrasladoP').map((traslado) => ({
      baseP: attr(traslado, 'BaseP'),
      impuestoP: attr(traslado, 'ImpuestoP'),
      tipoFactorP: attr(traslado, 'TipoFactorP'),
      tasaOCuotaP: attr(traslado, 'TasaOCuotaP'),
      importeP: attr(traslado, 'ImporteP'),
    })),
  };
}

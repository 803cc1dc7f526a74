import { childrenOf, type XmlElement } from '../xml/read-xml.js';
import type {
  DoctoRelacionado,
  ImpuestoDR,
  ImpuestosDR,
  ImpuestosP,
  Pago,
  Pagos,
} from './complement-types.js';
import { findFirstChild, listGrandchildren, PAGOS20_NAMESPACE, readAttributes } from './read-nodes.js';

const NS = PAGOS20_NAMESPACE;

/** Complemento para recepción de pagos 2.0 (pago20:Pagos). */
export function parsePagos(element: XmlElement): Pagos {
  const totales = findFirstChild(element, NS, 'Totales');
  return {
    ...readAttributes(element, { version: 'Version' }),
    totales: totales
      ? readAttributes(totales, {
          totalRetencionesIVA: 'TotalRetencionesIVA',
          totalRetencionesISR: 'TotalRetencionesISR',
          totalRetencionesIEPS: 'TotalRetencionesIEPS',
          totalTrasladosBaseIVA16: 'TotalTrasladosBaseIVA16',
          totalTrasladosImpuestoIVA16: 'TotalTrasladosImpuestoIVA16',
          totalTrasladosBaseIVA8: 'TotalTrasladosBaseIVA8',
          totalTrasladosImpuestoIVA8: 'TotalTrasladosImpuestoIVA8',
          totalTrasladosBaseIVA0: 'TotalTrasladosBaseIVA0',
          totalTrasladosImpuestoIVA0: 'TotalTrasladosImpuestoIVA0',
          totalTrasladosBaseIVAExento: 'TotalTrasladosBaseIVAExento',
          montoTotalPagos: 'MontoTotalPagos',
        })
      : null,
    pago: childrenOf(element, NS, 'Pago').map(parsePago),
  };
}

function parsePago(element: XmlElement): Pago {
  return {
    ...readAttributes(element, {
      fechaPago: 'FechaPago',
      formaDePagoP: 'FormaDePagoP',
      monedaP: 'MonedaP',
      tipoCambioP: 'TipoCambioP',
      monto: 'Monto',
      numOperacion: 'NumOperacion',
      rfcEmisorCtaOrd: 'RfcEmisorCtaOrd',
      nomBancoOrdExt: 'NomBancoOrdExt',
      ctaOrdenante: 'CtaOrdenante',
      rfcEmisorCtaBen: 'RfcEmisorCtaBen',
      ctaBeneficiario: 'CtaBeneficiario',
      tipoCadPago: 'TipoCadPago',
      certPago: 'CertPago',
      cadPago: 'CadPago',
      selloPago: 'SelloPago',
    }),
    doctoRelacionado: childrenOf(element, NS, 'DoctoRelacionado').map(parseDoctoRelacionado),
    impuestosP: parseImpuestosP(element),
  };
}

function parseDoctoRelacionado(element: XmlElement): DoctoRelacionado {
  return {
    ...readAttributes(element, {
      idDocumento: 'IdDocumento',
      serie: 'Serie',
      folio: 'Folio',
      monedaDR: 'MonedaDR',
      equivalenciaDR: 'EquivalenciaDR',
      numParcialidad: 'NumParcialidad',
      impSaldoAnt: 'ImpSaldoAnt',
      impPagado: 'ImpPagado',
      impSaldoInsoluto: 'ImpSaldoInsoluto',
      objetoImpDR: 'ObjetoImpDR',
    }),
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
  return readAttributes(element, {
    baseDR: 'BaseDR',
    impuestoDR: 'ImpuestoDR',
    tipoFactorDR: 'TipoFactorDR',
    tasaOCuotaDR: 'TasaOCuotaDR',
    importeDR: 'ImporteDR',
  });
}

function parseImpuestosP(pago: XmlElement): ImpuestosP | null {
  const element = findFirstChild(pago, NS, 'ImpuestosP');
  if (!element) return null;
  return {
    retencionesP: listGrandchildren(element, NS, 'RetencionesP', 'RetencionP').map((retencion) =>
      readAttributes(retencion, { impuestoP: 'ImpuestoP', importeP: 'ImporteP' }),
    ),
    trasladosP: listGrandchildren(element, NS, 'TrasladosP', 'TrasladoP').map((traslado) =>
      readAttributes(traslado, {
        baseP: 'BaseP',
        impuestoP: 'ImpuestoP',
        tipoFactorP: 'TipoFactorP',
        tasaOCuotaP: 'TasaOCuotaP',
        importeP: 'ImporteP',
      }),
    ),
  };
}

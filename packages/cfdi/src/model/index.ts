// Public API of the CFDI read model; the package index re-exports this file.
export { cfdiUuid } from './cfdi-uuid.js';
export type {
  DoctoRelacionado,
  ImpuestoDR,
  ImpuestosDR,
  ImpuestosLocales,
  ImpuestosP,
  Pago,
  Pagos,
  PagosTotales,
  RetencionLocal,
  RetencionP,
  TimbreFiscalDigital,
  TrasladoLocal,
  TrasladoP,
} from './complement-types.js';
export { CfdiParseError, type CfdiParseProblem, describeParseError } from './errors.js';
export { type ParseCfdiOptions, parseCfdi } from './parse-cfdi.js';
export { type CfdiTotals, cfdiTotals, type TaxTotals } from './totals.js';
export type {
  ACuentaTerceros,
  Cfdi,
  CfdiRelacionados,
  CfdiVersion,
  Comprobante,
  Concepto,
  ConceptoImpuesto,
  ConceptoImpuestos,
  CuentaPredial,
  DecimalString,
  ElementRef,
  Emisor,
  Impuestos,
  ImpuestosRetencion,
  ImpuestosTraslado,
  InformacionAduanera,
  InformacionGlobal,
  Parte,
  Receptor,
} from './types.js';

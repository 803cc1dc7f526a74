import type { DecimalString } from './types.js';

/** TimbreFiscalDigital 1.1: the PAC's stamp. Same conventions as the rest of the model (see `Cfdi`). */
export interface TimbreFiscalDigital {
  version: string | undefined;
  /** Upper-cased, so the same folio fiscal compares equal however the PAC wrote it. */
  uuid: string | undefined;
  /** The UUID exactly as written (the TFD's cadena original and SelloSAT use this text). */
  uuidAsWritten: string | undefined;
  fechaTimbrado: string | undefined;
  rfcProvCertif: string | undefined;
  leyenda: string | undefined;
  selloCfd: string | undefined;
  noCertificadoSat: string | undefined;
  selloSat: string | undefined;
}

/** Impuestos locales 1.0 (state and municipal taxes, e.g. ISH on hotels). SAT spells "Totalde…", "Tasade…". */
export interface ImpuestosLocales {
  version: string | undefined;
  totalDeRetenciones: DecimalString | undefined;
  totalDeTraslados: DecimalString | undefined;
  retencionesLocales: RetencionLocal[];
  trasladosLocales: TrasladoLocal[];
}

export interface RetencionLocal {
  /** Free text: the name of the local tax. */
  impLocRetenido: string | undefined;
  /** A percentage, e.g. "2.50" (not a fraction like TasaOCuota). */
  tasaDeRetencion: DecimalString | undefined;
  importe: DecimalString | undefined;
}

export interface TrasladoLocal {
  impLocTrasladado: string | undefined;
  tasaDeTraslado: DecimalString | undefined;
  importe: DecimalString | undefined;
}

/** Complemento para recepción de pagos 2.0 (namespace http://www.sat.gob.mx/Pagos20). */
export interface Pagos {
  version: string | undefined;
  totales: PagosTotales | null;
  pago: Pago[];
}

export interface PagosTotales {
  totalRetencionesIVA: DecimalString | undefined;
  totalRetencionesISR: DecimalString | undefined;
  totalRetencionesIEPS: DecimalString | undefined;
  totalTrasladosBaseIVA16: DecimalString | undefined;
  totalTrasladosImpuestoIVA16: DecimalString | undefined;
  totalTrasladosBaseIVA8: DecimalString | undefined;
  totalTrasladosImpuestoIVA8: DecimalString | undefined;
  totalTrasladosBaseIVA0: DecimalString | undefined;
  totalTrasladosImpuestoIVA0: DecimalString | undefined;
  totalTrasladosBaseIVAExento: DecimalString | undefined;
  montoTotalPagos: DecimalString | undefined;
}

export interface Pago {
  fechaPago: string | undefined;
  formaDePagoP: string | undefined;
  monedaP: string | undefined;
  tipoCambioP: DecimalString | undefined;
  monto: DecimalString | undefined;
  numOperacion: string | undefined;
  rfcEmisorCtaOrd: string | undefined;
  nomBancoOrdExt: string | undefined;
  ctaOrdenante: string | undefined;
  rfcEmisorCtaBen: string | undefined;
  ctaBeneficiario: string | undefined;
  tipoCadPago: string | undefined;
  certPago: string | undefined;
  cadPago: string | undefined;
  selloPago: string | undefined;
  doctoRelacionado: DoctoRelacionado[];
  impuestosP: ImpuestosP | null;
}

export interface DoctoRelacionado {
  /** UUID of the paid invoice, as written. */
  idDocumento: string | undefined;
  serie: string | undefined;
  folio: string | undefined;
  monedaDR: string | undefined;
  equivalenciaDR: DecimalString | undefined;
  numParcialidad: string | undefined;
  impSaldoAnt: DecimalString | undefined;
  impPagado: DecimalString | undefined;
  impSaldoInsoluto: DecimalString | undefined;
  objetoImpDR: string | undefined;
  impuestosDR: ImpuestosDR | null;
}

/** A RetencionDR or TrasladoDR (same attributes for both). */
export interface ImpuestoDR {
  baseDR: DecimalString | undefined;
  impuestoDR: string | undefined;
  tipoFactorDR: string | undefined;
  tasaOCuotaDR: DecimalString | undefined;
  importeDR: DecimalString | undefined;
}

export interface ImpuestosDR {
  retencionesDR: ImpuestoDR[];
  trasladosDR: ImpuestoDR[];
}

export interface RetencionP {
  impuestoP: string | undefined;
  importeP: DecimalString | undefined;
}

export interface TrasladoP {
  baseP: DecimalString | undefined;
  impuestoP: string | undefined;
  tipoFactorP: string | undefined;
  tasaOCuotaP: DecimalString | undefined;
  importeP: DecimalString | undefined;
}

export interface ImpuestosP {
  retencionesP: RetencionP[];
  trasladosP: TrasladoP[];
}

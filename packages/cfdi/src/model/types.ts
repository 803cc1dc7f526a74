import type { XmlElement } from '../xml/read-xml.js';
import type { ImpuestosLocales, Pagos, TimbreFiscalDigital } from './complement-types.js';

/**
 * An amount exactly as written in the XML attribute (e.g. "1160.00", "0.160000"). Never a JS number:
 * binary floats cannot hold 0.1 and the cadena original and the seal depend on the exact text.
 * Use `cfdiTotals` or decimal.js to do arithmetic with it.
 */
export type DecimalString = string;

/** The CFDI versions this model reads (3.2 and older are refused). */
export type CfdiVersion = '4.0' | '3.3';

/**
 * Conventions of the whole model (it is a READ model: nothing here is validated):
 * - an attribute that is absent comes back `undefined`; an attribute written empty comes back `''`;
 * - an element that may appear once and is absent comes back `null` (even Emisor, which the schema
 *   requires: the schema check reports it, the model just says it is not there);
 * - an element that may repeat comes back as an array, empty when absent;
 * - when an element that may appear once is repeated, the first one is read (the schema check reports it);
 * - values are the attribute text after XML normalization and entity decoding, never trimmed or converted;
 * - elements outside the namespace of the document's version are ignored (the schema check reports them).
 */
export interface Cfdi {
  /** Version recognised from the namespace (cfd/4 → 4.0, cfd/3 → 3.3); `comprobante.version` is the text. */
  version: CfdiVersion;
  comprobante: Comprobante;
  /** 4.0 only. */
  informacionGlobal: InformacionGlobal | null;
  /** 4.0 allows several groups; 3.3 at most one, so a 3.3 gives 0 or 1 entries. */
  cfdiRelacionados: CfdiRelacionados[];
  emisor: Emisor | null;
  receptor: Receptor | null;
  conceptos: Concepto[];
  /** Comprobante-level Impuestos (the summary by impuesto). */
  impuestos: Impuestos | null;
  /** Complements found in every cfdi:Complemento (3.3 allows several of those elements). */
  timbreFiscalDigital: TimbreFiscalDigital | null;
  impuestosLocales: ImpuestosLocales | null;
  pagos: Pagos | null;
  /** Complements present but not modeled here (e.g. Pagos 1.0, Nómina, Carta Porte), in document order. */
  otherComplements: ElementRef[];
  /** The Addenda is not part of the seal nor the SAT's schema: only its presence is noted. */
  hasAddenda: boolean;
  /** The parsed tree, for the checks that need the document itself (cadena, seal, schema). */
  root: XmlElement;
}

/** Which element, for nodes the model lists but does not read. */
export interface ElementRef {
  namespace: string | null;
  localName: string;
}

/** Attributes of cfdi:Comprobante. Fecha stays the text written (no time zone in a CFDI: it is local time). */
export interface Comprobante {
  version: string | undefined;
  serie: string | undefined;
  folio: string | undefined;
  fecha: string | undefined;
  sello: string | undefined;
  formaPago: string | undefined;
  noCertificado: string | undefined;
  certificado: string | undefined;
  condicionesDePago: string | undefined;
  subTotal: DecimalString | undefined;
  descuento: DecimalString | undefined;
  moneda: string | undefined;
  tipoCambio: DecimalString | undefined;
  total: DecimalString | undefined;
  /** I, E, T, N or P when valid; the text written otherwise. */
  tipoDeComprobante: string | undefined;
  /** 4.0 only. */
  exportacion: string | undefined;
  metodoPago: string | undefined;
  lugarExpedicion: string | undefined;
  confirmacion: string | undefined;
}

/** 4.0: the period of a factura global to the público en general. */
export interface InformacionGlobal {
  periodicidad: string | undefined;
  meses: string | undefined;
  año: string | undefined;
}

export interface CfdiRelacionados {
  tipoRelacion: string | undefined;
  /** UUID of each CfdiRelacionado as written (missing ones are skipped). */
  uuids: string[];
}

export interface Emisor {
  rfc: string | undefined;
  nombre: string | undefined;
  regimenFiscal: string | undefined;
  /** 4.0 only. */
  facAtrAdquirente: string | undefined;
}

export interface Receptor {
  rfc: string | undefined;
  nombre: string | undefined;
  /** 4.0 only. */
  domicilioFiscalReceptor: string | undefined;
  residenciaFiscal: string | undefined;
  numRegIdTrib: string | undefined;
  /** 4.0 only. */
  regimenFiscalReceptor: string | undefined;
  usoCfdi: string | undefined;
}

export interface Concepto {
  claveProdServ: string | undefined;
  noIdentificacion: string | undefined;
  cantidad: DecimalString | undefined;
  claveUnidad: string | undefined;
  unidad: string | undefined;
  descripcion: string | undefined;
  valorUnitario: DecimalString | undefined;
  importe: DecimalString | undefined;
  descuento: DecimalString | undefined;
  /** 4.0 only. */
  objetoImp: string | undefined;
  impuestos: ConceptoImpuestos | null;
  /** 4.0 only. */
  aCuentaTerceros: ACuentaTerceros | null;
  informacionAduanera: InformacionAduanera[];
  /** 4.0 allows several; 3.3 at most one. */
  cuentaPredial: CuentaPredial[];
  /** The complements inside ComplementoConcepto (e.g. iedu, terceros), not read. */
  complementoConcepto: ElementRef[];
  parte: Parte[];
}

/** A Traslado or Retencion of a Concepto (same attributes for both). */
export interface ConceptoImpuesto {
  base: DecimalString | undefined;
  /** 001 ISR, 002 IVA, 003 IEPS. */
  impuesto: string | undefined;
  /** Tasa, Cuota or Exento (Exento has neither TasaOCuota nor Importe). */
  tipoFactor: string | undefined;
  tasaOCuota: DecimalString | undefined;
  importe: DecimalString | undefined;
}

export interface ConceptoImpuestos {
  traslados: ConceptoImpuesto[];
  retenciones: ConceptoImpuesto[];
}

export interface ACuentaTerceros {
  rfcACuentaTerceros: string | undefined;
  nombreACuentaTerceros: string | undefined;
  regimenFiscalACuentaTerceros: string | undefined;
  domicilioFiscalACuentaTerceros: string | undefined;
}

export interface InformacionAduanera {
  numeroPedimento: string | undefined;
}

export interface CuentaPredial {
  numero: string | undefined;
}

export interface Parte {
  claveProdServ: string | undefined;
  noIdentificacion: string | undefined;
  cantidad: DecimalString | undefined;
  unidad: string | undefined;
  descripcion: string | undefined;
  valorUnitario: DecimalString | undefined;
  importe: DecimalString | undefined;
  informacionAduanera: InformacionAduanera[];
}

/** Comprobante-level Impuestos. */
export interface Impuestos {
  totalImpuestosTrasladados: DecimalString | undefined;
  totalImpuestosRetenidos: DecimalString | undefined;
  traslados: ImpuestosTraslado[];
  retenciones: ImpuestosRetencion[];
}

export interface ImpuestosTraslado {
  /** 4.0 only. */
  base: DecimalString | undefined;
  impuesto: string | undefined;
  tipoFactor: string | undefined;
  tasaOCuota: DecimalString | undefined;
  importe: DecimalString | undefined;
}

export interface ImpuestosRetencion {
  impuesto: string | undefined;
  importe: DecimalString | undefined;
}

/**
 * Input of the CFDI 4.0 builder. Money and quantities are decimal strings ("1160.50"), never JS
 * numbers: a binary float cannot hold 0.1 exactly, and SAT checks amounts to the cent.
 */
export type DecimalText = string;

/** A transferred tax. Exento carries no rate; Tasa/Cuota need one from c_TasaOCuota. */
export interface TrasladoInput {
  impuesto: '002' | '003';
  tipoFactor: 'Tasa' | 'Cuota' | 'Exento';
  /** "0.16" or "0.160000"; written with 6 decimals. Omit for Exento. */
  tasaOCuota?: DecimalText;
}

/** A withheld tax (ISR 001 or IVA 002, e.g. honorarios paid by a persona moral). */
export interface RetencionInput {
  impuesto: '001' | '002' | '003';
  tipoFactor: 'Tasa' | 'Cuota';
  tasaOCuota: DecimalText;
}

export interface ConceptoInput {
  /** c_ClaveProdServ, 8 digits. */
  claveProdServ: string;
  noIdentificacion?: string;
  /** Up to 6 decimals, greater than zero. */
  cantidad: DecimalText;
  /** c_ClaveUnidad, e.g. H87 (pieza), E48 (servicio), ACT (actividad). */
  claveUnidad: string;
  unidad?: string;
  descripcion: string;
  /** Up to 6 decimals, greater than zero. */
  valorUnitario: DecimalText;
  /** Up to the currency's decimals, at most the concepto's Importe. */
  descuento?: DecimalText;
  /** '01' no objeto de impuesto (no taxes); '02' sí objeto (at least one traslado or retención). */
  objetoImp: '01' | '02';
  traslados?: TrasladoInput[];
  retenciones?: RetencionInput[];
}

export interface EmisorInput {
  rfc: string;
  nombre: string;
  /** c_RegimenFiscal, e.g. 601. */
  regimenFiscal: string;
}

export interface ReceptorInput {
  rfc: string;
  nombre: string;
  /** Postal code of the receptor's fiscal address (5 digits). */
  domicilioFiscalReceptor: string;
  /** c_RegimenFiscal. */
  regimenFiscalReceptor: string;
  /** c_UsoCFDI; must be compatible with regimenFiscalReceptor. */
  usoCfdi: string;
}

/** Factura global to "PUBLICO EN GENERAL" (receptor XAXX010101000, régimen 616, uso S01). */
export interface InformacionGlobalInput {
  /** c_Periodicidad: 01 diario, 02 semanal, 03 quincenal, 04 mensual, 05 bimestral. */
  periodicidad: string;
  /** c_Meses: 01–12, or 13–18 for the bimestres (only with periodicidad 05). */
  meses: string;
  /** The Fecha's year or the one before. */
  año: string;
}

export interface CfdiRelacionadosInput {
  /** c_TipoRelacion, e.g. 01 (nota de crédito) or 04 (sustitución). */
  tipoRelacion: string;
  uuids: string[];
}

export interface CfdiInput {
  serie?: string;
  folio?: string;
  /** Local time of the place of issue, "YYYY-MM-DDTHH:mm:ss", no zone. */
  fecha: string;
  tipoDeComprobante: 'I' | 'E';
  /** c_FormaPago; 99 (por definir) exactly when metodoPago is PPD. */
  formaPago: string;
  metodoPago: 'PUE' | 'PPD';
  /** c_Moneda; MXN when omitted. */
  moneda?: string;
  /** Pesos per unit of the currency, up to 6 decimals; required unless the currency is MXN. */
  tipoCambio?: DecimalText;
  /** c_Exportacion; 01 (no aplica) when omitted. */
  exportacion?: string;
  /** Postal code of the place of issue (5 digits). */
  lugarExpedicion: string;
  informacionGlobal?: InformacionGlobalInput;
  cfdiRelacionados?: CfdiRelacionadosInput[];
  emisor: EmisorInput;
  receptor: ReceptorInput;
  conceptos: ConceptoInput[];
}

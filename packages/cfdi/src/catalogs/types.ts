/** Fields every c_* catalog entry of these two has: its key, name, who it applies to, validity. */
export interface CatalogEntry {
  key: string;
  name: string;
  personaFisica: boolean;
  personaMoral: boolean;
  validFrom: string;
  validTo: string | null;
}

/** c_RegimenFiscal: a tax regime and which kind of taxpayer may have it. */
export type RegimenFiscal = CatalogEntry;

/** c_UsoCFDI: what the receptor uses the invoice for, and the receptor regimes it is compatible with. */
export interface UsoCfdi extends CatalogEntry {
  regimenesReceptor: string[];
}

/** Catalogs that are just a key, a name and validity (c_MetodoPago, c_ObjetoImp, c_Exportacion, c_TipoRelacion, c_TipoFactor). */
export interface SimpleEntry {
  key: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** c_FormaPago, with the account patterns Pagos uses. */
export interface FormaPago extends SimpleEntry {
  bancarizado: boolean;
  requiereNumeroOperacion: boolean;
  patronCuentaOrdenante: string | null;
  patronCuentaBeneficiario: string | null;
}

/** c_Moneda: the decimals amounts in it are rounded to, and the allowed TipoCambio variation (%). */
export interface Moneda extends SimpleEntry {
  decimales: number;
  porcentajeVariacion: number;
}

/** c_Impuesto: ISR 001, IVA 002, IEPS 003, and whether each may be retained or transferred. */
export interface Impuesto extends SimpleEntry {
  retencion: boolean;
  traslado: boolean;
  ambito: string;
}

/** c_TasaOCuota: a fixed value or a range, for an impuesto (by name) and factor, traslado or retención. */
export interface ReglaTasaCuota {
  tipo: 'fijo' | 'rango';
  minimo: string | null;
  valor: string;
  impuesto: string;
  factor: string;
  traslado: boolean;
  retencion: boolean;
  validFrom: string;
  validTo: string | null;
}

/** c_TipoDeComprobante with the largest amount allowed. */
export interface TipoComprobante extends SimpleEntry {
  valorMaximo: string;
}

/** c_ClaveUnidad (UN/ECE codes used by SAT). */
export interface ClaveUnidad extends SimpleEntry {
  symbol: string | null;
}

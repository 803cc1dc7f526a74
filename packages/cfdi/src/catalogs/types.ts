/** Fields every c_* catalog entry of these two has: its key, name, who it applies to, validity. */
interface CatalogEntry {
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

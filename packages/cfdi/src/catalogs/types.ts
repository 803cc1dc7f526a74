/** c_RegimenFiscal: a tax regime and which kind of taxpayer may have it. */
export interface RegimenFiscal {
  key: string;
  name: string;
  personaFisica: boolean;
  personaMoral: boolean;
  validFrom: string;
  validTo: string | null;
}

/** c_UsoCFDI: what the receptor uses the invoice for, and the receptor regimes it is compatible with. */
export interface UsoCfdi {
  key: string;
  name: string;
  personaFisica: boolean;
  personaMoral: boolean;
  validFrom: string;
  validTo: string | null;
  regimenesReceptor: string[];
}

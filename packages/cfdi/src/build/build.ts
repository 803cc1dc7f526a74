import { type Csd, sealCfdi } from '../seal/sign.js';
import { computeTotals } from './compute.js';
import type { CfdiInput } from './types.js';
import { checkCfdiInput } from './validate-input.js';
import { writeCfdi40 } from './xml.js';

/**
 * Builds an unsealed CFDI 4.0 Ingreso or Egreso from typed input: checks it (throws CfdiBuildError
 * with a Spanish message naming the field), computes every amount with SAT's rounding and writes the
 * XML. Sello, NoCertificado and Certificado are present but empty until sealCfdi fills them.
 */
export function buildCfdi40(input: CfdiInput): string {
  const cfdi = checkCfdiInput(input);
  return writeCfdi40(cfdi, computeTotals(cfdi.conceptos, cfdi.decimals));
}

/** Builds and seals with the CSD (sealCfdi refuses a CSD not valid at `now` or at the Fecha, or of another RFC). */
export function buildAndSealCfdi40(input: CfdiInput, csd: Csd, now?: Date): string {
  return sealCfdi(buildCfdi40(input), csd, now);
}

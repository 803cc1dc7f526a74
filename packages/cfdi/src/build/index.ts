// Public API of the CFDI 4.0 builder; the package index re-exports this file.
export { buildAndSealCfdi40, buildCfdi40 } from './build.js';
export { CfdiBuildError } from './errors.js';
export type {
  CfdiInput,
  CfdiRelacionadosInput,
  ConceptoInput,
  DecimalText,
  EmisorInput,
  InformacionGlobalInput,
  ReceptorInput,
  RetencionInput,
  TrasladoInput,
} from './types.js';

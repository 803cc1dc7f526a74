export {
  buildCadenaOriginal,
  buildTfdCadena,
  CadenaError,
  type CadenaProblem,
  CFDI33_NAMESPACE,
  CFDI40_NAMESPACE,
  normalizeSpace,
  TFD_NAMESPACE,
} from './build-cadena.js';

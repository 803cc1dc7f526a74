export * from './build/index.js';
export * from './cadena/index.js';
export * from './catalogs/index.js';
export * from './expression/verification-url.js';
export * from './findings.js';
export * from './model/index.js';
export { checkRfc, type RfcCheck } from './rfc.js';
export { checkSchema } from './schema/index.js';
export * from './seal/index.js';
export {
  type CfdiCheck,
  type ValidateOptions,
  type ValidationResult,
  validateCfdi,
} from './validate/validate-cfdi.js';
export {
  attr,
  childrenOf,
  type ReadXmlOptions,
  readXml,
  type XmlElement,
  XmlReadError,
} from './xml/read-xml.js';
export {
  DEFAULT_ZIP_LIMITS,
  iterateZipXmlEntries,
  readZipXmlEntries,
  type ZipLimits,
  type ZipProblem,
  ZipRefusedError,
  type ZipSource,
  type ZipXmlEntry,
} from './zip/read-zip.js';

export * from './catalogs/index.js';
export { checkRfc, type RfcCheck } from './rfc.js';

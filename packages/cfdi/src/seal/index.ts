export {
  certificateRfc,
  decodeSatSerial,
  looksLikeEfirma,
  readSatCertificate,
  type SatCertificate,
} from './certificate.js';
export { checkCertificate, fechaWindow } from './check-certificate.js';
export { type Csd, CsdError, type CsdProblem, loadCsd, sealCfdi } from './sign.js';
export { checkStamp, findTimbres, verifyTfdSeal } from './stamp.js';
export { verifyIssuerSeal } from './verify-seal.js';

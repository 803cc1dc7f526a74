import { readFileSync } from 'node:fs';
import { type Csd, CsdError, loadCsd, readSatCertificate } from '@cajachica/cfdi';
import { ConfigError, type InvoicingConfig } from '../../config.js';

/** The platform as CFDI issuer: its fiscal data and its loaded seal certificate. */
export interface Issuer {
  rfc: string;
  name: string;
  regime: string;
  postalCode: string;
  csd: Csd;
  /** SAT's public test certificate of the embedded mode: no fiscal validity, expires 2027-05-18. */
  isSatTestCertificate: boolean;
}

function readFile(variable: string, file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: cannot read ${file}`);
  }
}

/**
 * Loads the issuer's CSD once, at start: a wrong password, a .key that is not the .cer's, or a
 * certificate of another RFC stops the start naming the variable to fix. An expired certificate
 * does not stop it (the rest of the product works); issuing then fails with SAT's reason, which the
 * invoices show.
 */
export function loadIssuer(config: InvoicingConfig, now: Date): Issuer {
  const cer = readFile('CFDI_CSD_CER', config.csd.cerPath);
  const key = readFile('CFDI_CSD_KEY', config.csd.keyPath);
  let csd: Csd;
  try {
    csd = loadCsd({ cer, key, password: config.csd.password, now });
  } catch (error) {
    if (!(error instanceof CsdError)) throw error;
    if (error.code === 'CSD_EXPIRED' || error.code === 'CSD_NOT_YET_VALID') {
      // The pair was checked before the dates: load it as of its last valid day to keep it.
      csd = loadCsd({ cer, key, password: config.csd.password, now: instantWithin(cer, now) });
    } else {
      const variable =
        error.code === 'CSD_WRONG_PASSWORD'
          ? 'CFDI_CSD_PASSWORD'
          : error.code === 'CSD_INVALID_CERTIFICATE'
            ? 'CFDI_CSD_CER'
            : 'CFDI_CSD_KEY';
      throw new ConfigError(`Invalid configuration:\n  ${variable}: ${error.message}`);
    }
  }
  if (csd.certificate.rfc && csd.certificate.rfc !== config.issuer.rfc) {
    throw new ConfigError(
      `Invalid configuration:\n  CFDI_CSD_CER: the certificate belongs to ${csd.certificate.rfc}, not to CFDI_ISSUER_RFC ${config.issuer.rfc}`,
    );
  }
  return { ...config.issuer, csd, isSatTestCertificate: config.csd.isSatTestCertificate };
}

/** The moment of the certificate's validity closest to `now` (one second inside it). */
function instantWithin(cer: Uint8Array, now: Date): Date {
  const certificate = readSatCertificate(cer);
  if (!certificate) return now;
  if (now > certificate.validTo) return new Date(certificate.validTo.getTime() - 1000);
  if (now < certificate.validFrom) return new Date(certificate.validFrom.getTime() + 1000);
  return now;
}

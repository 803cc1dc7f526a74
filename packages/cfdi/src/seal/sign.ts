import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { buildCadenaOriginal } from '../cadena/build-cadena.js';
import { hasErrors } from '../findings.js';
import { attr, readXml } from '../xml/read-xml.js';
import { looksLikeEfirma, readSatCertificate, type SatCertificate } from './certificate.js';
import { fechaWindow, formatMexicoDate } from './check-certificate.js';
import { setRootAttributes } from './root-tag.js';
import { verifyIssuerSeal } from './verify-seal.js';

export type CsdProblem =
  | 'CSD_INVALID_CERTIFICATE'
  | 'CSD_INVALID_KEY'
  | 'CSD_WRONG_PASSWORD'
  | 'CSD_KEY_MISMATCH'
  | 'CSD_EXPIRED'
  | 'CSD_NOT_YET_VALID'
  | 'CSD_NOT_VALID_AT_FECHA'
  | 'CSD_RFC_MISMATCH';

/** The CSD cannot be used to seal; `message` is Spanish text a person can act on. */
export class CsdError extends Error {
  constructor(
    readonly code: CsdProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CsdError';
  }
}

/** A loaded Certificado de Sello Digital: SAT's certificate and its decrypted private key. */
export interface Csd {
  readonly certificate: SatCertificate;
  readonly privateKey: KeyObject;
  /** True when the certificate looks like an e.firma, which SAT rejects for sealing (warn the user). */
  readonly looksLikeEfirma: boolean;
}

/**
 * Reads SAT's .cer (DER) and .key (encrypted PKCS#8 DER) and checks they belong together and that
 * the certificate is valid at `now`. Throws CsdError with a Spanish message otherwise.
 */
export function loadCsd(input: { cer: Uint8Array; key: Uint8Array; password: string; now?: Date }): Csd {
  const certificate = readSatCertificate(input.cer);
  if (!certificate)
    throw new CsdError(
      'CSD_INVALID_CERTIFICATE',
      'El archivo .cer no es un certificado válido del SAT (X.509 en formato DER). Descárgalo de nuevo del portal del SAT.',
    );
  const privateKey = readPrivateKey(Buffer.from(input.key), input.password);
  if (!certificate.x509.checkPrivateKey(privateKey))
    throw new CsdError(
      'CSD_KEY_MISMATCH',
      `La llave privada (.key) no corresponde al certificado ${certificate.noCertificado} (.cer). Sube la pareja de archivos del mismo CSD.`,
    );
  assertValidAt(certificate, input.now ?? new Date());
  return { certificate, privateKey, looksLikeEfirma: looksLikeEfirma(certificate.x509) };
}

function readPrivateKey(key: Buffer, password: string): KeyObject {
  // Asking first without a password tells "encrypted, wrong password" (the typical mistake) apart
  // from "not a key at all": a wrong password does not always fail with the same OpenSSL error.
  let encrypted = false;
  try {
    return createPrivateKey({ key, format: 'der', type: 'pkcs8' });
  } catch (problem) {
    encrypted = (problem as { code?: string }).code === 'ERR_MISSING_PASSPHRASE';
  }
  if (!encrypted)
    throw new CsdError(
      'CSD_INVALID_KEY',
      'El archivo .key no es una llave privada del SAT (PKCS#8 cifrado en formato DER). Verifica que subiste el .key del CSD.',
    );
  try {
    return createPrivateKey({ key, format: 'der', type: 'pkcs8', passphrase: password });
  } catch {
    throw new CsdError(
      'CSD_WRONG_PASSWORD',
      'La contraseña de la llave privada del CSD es incorrecta. Es la que se definió al generar el CSD, no la de la e.firma ni la del portal.',
    );
  }
}

function assertValidAt(certificate: SatCertificate, now: Date): void {
  const validity = `vigencia del ${formatMexicoDate(certificate.validFrom)} al ${formatMexicoDate(certificate.validTo)}`;
  if (now > certificate.validTo)
    throw new CsdError(
      'CSD_EXPIRED',
      `El CSD ${certificate.noCertificado} venció el ${formatMexicoDate(certificate.validTo)} (${validity}). Tramita uno nuevo en el portal del SAT.`,
    );
  if (now < certificate.validFrom)
    throw new CsdError(
      'CSD_NOT_YET_VALID',
      `El CSD ${certificate.noCertificado} aún no es vigente: empieza el ${formatMexicoDate(certificate.validFrom)} (${validity}).`,
    );
}

/**
 * Seals a CFDI 4.0/3.3: sets NoCertificado and Certificado on the root element, builds the cadena
 * original of the result, signs it (RSA-SHA256) and sets Sello. Only the root start tag's text changes.
 * Refuses when the CSD is not valid at `now` or at the CFDI's Fecha, or belongs to another RFC.
 */
export function sealCfdi(xml: string, csd: Csd, now: Date = new Date()): string {
  const { certificate } = csd;
  assertValidAt(certificate, now);
  const root = readXml(xml);
  const fecha = attr(root, 'Fecha') ?? '';
  const window = fechaWindow(fecha);
  if (window && (window.latest < certificate.validFrom || window.earliest > certificate.validTo))
    throw new CsdError(
      'CSD_NOT_VALID_AT_FECHA',
      `La Fecha del comprobante (${fecha}) está fuera de la vigencia del CSD ${certificate.noCertificado} (del ${formatMexicoDate(certificate.validFrom)} al ${formatMexicoDate(certificate.validTo)}).`,
    );
  const emisor = root.children.find(
    (child) => child.localName === 'Emisor' && child.namespace === root.namespace,
  );
  const rfc = emisor ? attr(emisor, 'Rfc') : undefined;
  if (rfc !== undefined && rfc !== certificate.rfc)
    throw new CsdError(
      'CSD_RFC_MISMATCH',
      `El RFC del emisor (${rfc}) no es el del CSD (${certificate.rfc ?? 'sin RFC'}); sella con el CSD de ese RFC.`,
    );
  const withCertificate = setRootAttributes(xml, [
    ['NoCertificado', certificate.noCertificado],
    ['Certificado', certificate.base64],
  ]);
  const cadena = buildCadenaOriginal(readXml(withCertificate));
  const sello = sign('sha256', Buffer.from(cadena, 'utf8'), csd.privateKey).toString('base64');
  const sealed = setRootAttributes(withCertificate, [['Sello', sello]]);
  // The text edit is checked end to end, so a sealing bug can never hand out an invalid CFDI.
  const check = verifyIssuerSeal(readXml(sealed));
  if (hasErrors(check))
    throw new Error(`sealCfdi produced a seal that does not verify: ${check[0]?.message}`);
  return sealed;
}

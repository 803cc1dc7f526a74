import { buildCadenaOriginal, CadenaError } from '../cadena/build-cadena.js';
import type { Finding } from '../findings.js';
import { attr, type XmlElement } from '../xml/read-xml.js';
import { decodeBase64Strictly, readSatCertificate, verifySha256 } from './certificate.js';

/** Blank as verify-sello.sh sees it: it deletes spaces, tabs and line breaks before testing. */
const isBlank = (value: string) => value.replace(/[ \t\r\n]/g, '') === '';

const error = (code: string, message: string, path?: string): Finding => ({
  code,
  severity: 'error',
  category: 'seal',
  message,
  ...(path ? { path } : {}),
});

/**
 * Verifies the emisor's seal as SAT's verify-sello.sh does, and reports an error exactly when that
 * script would not exit 0: Sello (RSA-SHA256 over the UTF-8 cadena original, for CFDI 4.0 and 3.3)
 * against the public key of the embedded Certificado; NoCertificado equal to the certificate's serial;
 * the certificate's RFC equal to Emisor/@Rfc. Certificate dates and type are checkCertificate's job.
 */
export function verifyIssuerSeal(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const sello = attr(root, 'Sello') ?? '';
  const certificado = attr(root, 'Certificado') ?? '';
  if (isBlank(sello))
    return [
      error(
        'SEAL_MISSING',
        'Falta el sello del emisor (atributo Sello vacío o ausente): el comprobante no fue sellado. Pide al emisor el XML sellado.',
        '/Comprobante/@Sello',
      ),
    ];
  if (isBlank(certificado))
    return [
      error(
        'SEAL_CERTIFICATE_MISSING',
        'Falta el certificado del emisor (atributo Certificado): sin él no se puede comprobar el sello.',
        '/Comprobante/@Certificado',
      ),
    ];
  let cadena: string;
  try {
    cadena = buildCadenaOriginal(root);
  } catch (problem) {
    if (!(problem instanceof CadenaError)) throw problem;
    return [error('SEAL_CADENA_UNAVAILABLE', `No se pudo verificar el sello: ${problem.message}`)];
  }
  const certificate = readSatCertificate(certificado);
  if (!certificate)
    return [
      error(
        'SEAL_CERTIFICATE_INVALID',
        'El atributo Certificado no es un certificado X.509 en base64; el XML está dañado o fue alterado.',
        '/Comprobante/@Certificado',
      ),
    ];
  const signature = decodeBase64Strictly(sello);
  if (!signature)
    return [
      error(
        'SEAL_NOT_BASE64',
        'El atributo Sello no es base64 válido; el XML está dañado o fue alterado.',
        '/Comprobante/@Sello',
      ),
    ];
  if (!verifySha256(certificate, cadena, signature))
    findings.push(
      error(
        'SEAL_MISMATCH',
        'El sello no corresponde al contenido: el XML fue modificado después de sellarse o se selló con otro certificado. No lo aceptes; pide al emisor el XML original.',
        '/Comprobante/@Sello',
      ),
    );
  const noCertificado = attr(root, 'NoCertificado') ?? '';
  if (noCertificado !== certificate.noCertificado)
    findings.push(
      error(
        'SEAL_CERTIFICATE_NUMBER_MISMATCH',
        `NoCertificado dice "${noCertificado}" pero el certificado incluido es el ${certificate.noCertificado}.`,
        '/Comprobante/@NoCertificado',
      ),
    );
  // verify-sello.sh reads the first child named Emisor (any namespace) and skips the check without an Rfc.
  const rfc = root.children.find((child) => child.localName === 'Emisor' && attr(child, 'Rfc') !== undefined);
  const emisorRfc = rfc ? (attr(rfc, 'Rfc') ?? '') : '';
  if (emisorRfc !== '' && emisorRfc !== certificate.rfc)
    findings.push(
      error(
        'SEAL_RFC_MISMATCH',
        `El RFC del emisor (${emisorRfc}) no es el del certificado con que se selló (${certificate.rfc ?? 'sin RFC'}).`,
        '/Comprobante/Emisor/@Rfc',
      ),
    );
  return findings;
}

import { verify, X509Certificate } from 'node:crypto';

/** What the seal checks need from a SAT certificate (CSD, e.firma or a PAC's). */
export interface SatCertificate {
  readonly x509: X509Certificate;
  /** The serial as SAT writes it in NoCertificado: 20 digits. */
  readonly noCertificado: string;
  /** The holder's RFC (first token of x500UniqueIdentifier), or null when the certificate has none. */
  readonly rfc: string | null;
  readonly validFrom: Date;
  readonly validTo: Date;
  /** Base64 of the DER, as it goes in the Certificado attribute. */
  readonly base64: string;
}

// A 4-character group with padding ends a segment; GNU `base64 -d` (used by SAT's verify-sello.sh)
// accepts concatenated padded segments and refuses everything else, and so does this.
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)*$/;

/**
 * Decodes base64 the way verify-sello.sh does: XML whitespace removed first, then strictly (Node's
 * Buffer.from would skip invalid characters, so a corrupted Sello could still "decode").
 */
export function decodeBase64Strictly(text: string): Buffer | null {
  const compact = text.replace(/[ \t\r\n]/g, '');
  if (!STRICT_BASE64.test(compact)) return null;
  const segments = compact.match(/(?:[^=]{4})*(?:[^=]{2}==|[^=]{3}=)?/g) ?? [];
  return Buffer.concat(segments.filter(Boolean).map((segment) => Buffer.from(segment, 'base64')));
}

// Parsing a certificate costs ~0.2 ms (most of a seal check) and invoices from one issuer share
// it, so recent ones are kept by their base64 text; the bound keeps hostile input from growing it.
const recent = new Map<string, { text: string; certificate: SatCertificate | null }>();
const RECENT_LIMIT = 64;

/**
 * Reads a certificate from DER bytes, PEM text or the base64 of a CFDI's Certificado attribute.
 * Returns null when it is not an X.509 certificate.
 */
export function readSatCertificate(input: Uint8Array | string): SatCertificate | null {
  if (typeof input !== 'string') return parseCertificate(input);
  // Keyed by length and tail (a certificate ends with its signature) rather than by the whole
  // text, which a Map would hash on every call: the text itself is then compared once.
  const key = `${input.length}:${input.slice(-48)}`;
  const cached = recent.get(key);
  if (cached !== undefined && cached.text === input) return cached.certificate;
  const certificate = parseCertificate(input.includes('-----BEGIN') ? input : decodeBase64Strictly(input));
  // Text that is not a certificate is remembered too: failing to parse costs more than parsing.
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value ?? '');
  recent.set(key, { text: input, certificate });
  return certificate;
}

function parseCertificate(der: Uint8Array | string | null): SatCertificate | null {
  if (der === null || der.length === 0) return null;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return null;
  }
  return {
    x509,
    noCertificado: decodeSatSerial(x509.serialNumber),
    rfc: certificateRfc(x509),
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    base64: x509.raw.toString('base64'),
  };
}

/**
 * SAT's certificate serials are the ASCII codes of a 20-digit number: hex 3330303031… is
 * "30001…". Decoded byte for byte, as verify-sello.sh's printf does.
 */
export function decodeSatSerial(hex: string): string {
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex').toString('latin1');
}

/**
 * The RFC in the subject's x500UniqueIdentifier (OID 2.5.4.45), e.g. "EKU9003173C9 / VADA800927DJ3"
 * for a company (its RFC, then its legal representative's): the text before the first `/` or `,`
 * without trailing spaces, as verify-sello.sh extracts it. Node lists the subject root-first while
 * OpenSSL's RFC 2253 output (which the script reads first-match) is leaf-first, hence the last entry.
 */
export function certificateRfc(x509: X509Certificate): string | null {
  const entries = x509.subject
    .split('\n')
    .filter((line) => line.startsWith('x500UniqueIdentifier=') || line.startsWith('2.5.4.45='));
  const last = entries.at(-1);
  if (last === undefined) return null;
  const value = last.slice(last.indexOf('=') + 1).match(/^[^,/]*/)?.[0] ?? '';
  return value.replace(/ +$/, '') || null;
}

/**
 * Whether the certificate looks like an e.firma (FIEL) rather than a CSD (sello digital). Two signals
 * must agree, so a real CSD is not flagged by one odd field: SAT writes the branch ("sucursal o
 * unidad") in a CSD's subject OU and leaves it out of an e.firma (the rule phpcfdi/credentials uses),
 * and an e.firma carries the extended key usages e-mail protection / TLS client authentication
 * (besides key usages dataEncipherment and keyAgreement, which Node does not expose) that a CSD lacks.
 */
export function looksLikeEfirma(x509: X509Certificate): boolean {
  let answer = efirmaAnswers.get(x509);
  if (answer === undefined) {
    const hasBranch = x509.subject.split('\n').some((line) => line.startsWith('OU='));
    const extendedUsages = x509.keyUsage ?? [];
    answer =
      !hasBranch && (extendedUsages.includes(EMAIL_PROTECTION) || extendedUsages.includes(CLIENT_AUTH));
    efirmaAnswers.set(x509, answer);
  }
  return answer;
}

// Node builds `subject` and `keyUsage` anew on every read, and every CFDI of an issuer brings the
// same (cached, see readSatCertificate) certificate: its answer is kept with it.
const efirmaAnswers = new WeakMap<X509Certificate, boolean>();

const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/**
 * RSA-SHA256 (PKCS#1 v1.5, as `openssl dgst -sha256 -verify`) over the UTF-8 bytes of `text`.
 * A malformed signature is a failed verification, never an exception.
 */
export function verifySha256(certificate: SatCertificate, text: string, signature: Uint8Array): boolean {
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), certificate.x509.publicKey, signature);
  } catch {
    return false;
  }
}

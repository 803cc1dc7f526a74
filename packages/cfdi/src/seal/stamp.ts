import { buildTfdCadena, CadenaError, TFD_NAMESPACE } from '../cadena/build-cadena.js';
import type { Finding } from '../findings.js';
import { attr, type XmlElement } from '../xml/read-xml.js';
import { decodeBase64Strictly, readSatCertificate, verifySha256 } from './certificate.js';

const TFD_PATH = '/Comprobante/Complemento/TimbreFiscalDigital';

// Patterns from TimbreFiscalDigitalv11.xsd and tdCFDI.xsd (t_FechaH, t_RFC_PM).
const REQUIRED: readonly [name: string, pattern: RegExp | null, meaning: string][] = [
  [
    'UUID',
    /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/,
    'el folio fiscal',
  ],
  [
    'FechaTimbrado',
    /^20[1-9][0-9]-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/,
    'la fecha de certificación',
  ],
  [
    'RfcProvCertif',
    /^[A-Z&Ñ]{3}[0-9]{2}(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])[A-Z0-9]{2}[0-9A]$/,
    'el RFC del PAC que timbró',
  ],
  ['SelloCFD', null, 'la copia del sello del emisor'],
  ['NoCertificadoSAT', /^[0-9]{20}$/, 'el número del certificado del SAT'],
  ['SelloSAT', null, 'el sello del SAT'],
];

const stamp = (code: string, severity: Finding['severity'], message: string, path = TFD_PATH): Finding => ({
  code,
  severity,
  category: 'stamp',
  message,
  path,
});

/** The TimbreFiscalDigital elements in the Comprobante's Complemento nodes. */
export function findTimbres(root: XmlElement): XmlElement[] {
  const timbres: XmlElement[] = [];
  for (const complemento of root.children) {
    if (complemento.localName !== 'Complemento' || complemento.namespace !== root.namespace) continue;
    for (const child of complemento.children)
      if (child.localName === 'TimbreFiscalDigital' && child.namespace === TFD_NAMESPACE) timbres.push(child);
  }
  return timbres;
}

/**
 * Checks the PAC's timbre (TFD 1.1): present (a warning when not: a sealed CFDI is valid before the
 * PAC stamps it, and expense intake decides what to do with it), its attributes present and well
 * formed, and SelloCFD equal to the Comprobante's Sello. SelloSAT needs SAT's certificate: see
 * verifyTfdSeal.
 */
export function checkStamp(root: XmlElement): Finding[] {
  const timbres = findTimbres(root);
  const [tfd] = timbres;
  if (!tfd)
    return [
      stamp(
        'STAMP_MISSING',
        'warning',
        'El CFDI no está timbrado (no tiene TimbreFiscalDigital): lo selló el emisor pero aún no lo certifica un PAC, así que todavía no es un comprobante fiscal.',
        '/Comprobante/Complemento',
      ),
    ];
  if (timbres.length > 1)
    return [
      stamp(
        'STAMP_DUPLICATE',
        'error',
        `El CFDI trae ${timbres.length} TimbreFiscalDigital; debe tener uno.`,
      ),
    ];
  const version = attr(tfd, 'Version') ?? attr(tfd, 'version');
  if (version !== '1.1')
    return [
      stamp(
        'STAMP_UNSUPPORTED_VERSION',
        'error',
        `El TimbreFiscalDigital tiene versión "${version ?? ''}"; un CFDI 3.3 o 4.0 lleva la 1.1.`,
        `${TFD_PATH}/@Version`,
      ),
    ];
  const findings: Finding[] = [];
  for (const [name, pattern, meaning] of REQUIRED) {
    const value = attr(tfd, name);
    if (value === undefined || value === '')
      findings.push(
        stamp(
          'STAMP_REQUIRED_ATTRIBUTE',
          'error',
          `Al timbre le falta ${name} (${meaning}).`,
          `${TFD_PATH}/@${name}`,
        ),
      );
    else if (pattern && !pattern.test(value))
      findings.push(
        stamp(
          'STAMP_ATTRIBUTE_FORMAT',
          'error',
          `El ${name} del timbre ("${value}") no tiene el formato del SAT para ${meaning}.`,
          `${TFD_PATH}/@${name}`,
        ),
      );
  }
  const selloCfd = attr(tfd, 'SelloCFD');
  const sello = attr(root, 'Sello') ?? '';
  // Compared as base64 text: XML whitespace inside either value does not change the signature.
  if (selloCfd && selloCfd !== sello && compact(selloCfd) !== compact(sello))
    findings.push(
      stamp(
        'STAMP_SELLO_CFD_MISMATCH',
        'error',
        'El SelloCFD del timbre no es el Sello del comprobante: el timbre pertenece a otro XML o el comprobante se modificó después de timbrarse.',
        `${TFD_PATH}/@SelloCFD`,
      ),
    );
  return findings;
}

const compact = (value: string) => value.replace(/[ \t\r\n]/g, '');

/**
 * Verifies the PAC's SelloSAT over the TFD 1.1 cadena original (RSA-SHA256) with the SAT certificate
 * whose number is NoCertificadoSAT (DER bytes, PEM or base64). The certificate is not in the CFDI:
 * the caller gets it from SAT (or, for test stamps, shared/fixtures/csd). Throws when
 * `satCertificate` is not a certificate at all (a caller mistake, not a finding about the CFDI).
 */
export function verifyTfdSeal(tfd: XmlElement, satCertificate: Uint8Array | string): Finding[] {
  const certificate = readSatCertificate(satCertificate);
  if (!certificate) throw new Error('satCertificate is not an X.509 certificate (DER, PEM or base64)');
  let cadena: string;
  try {
    cadena = buildTfdCadena(tfd);
  } catch (problem) {
    if (!(problem instanceof CadenaError)) throw problem;
    return [
      stamp('STAMP_CADENA_UNAVAILABLE', 'error', `No se pudo verificar el sello del SAT: ${problem.message}`),
    ];
  }
  const findings: Finding[] = [];
  const noCertificadoSat = attr(tfd, 'NoCertificadoSAT') ?? '';
  if (noCertificadoSat !== certificate.noCertificado)
    findings.push(
      stamp(
        'STAMP_CERTIFICATE_NUMBER_MISMATCH',
        'error',
        `El timbre indica el certificado del SAT ${noCertificadoSat || '(ninguno)'} y se recibió el ${certificate.noCertificado}; usa el certificado que indica NoCertificadoSAT.`,
        `${TFD_PATH}/@NoCertificadoSAT`,
      ),
    );
  const signature = decodeBase64Strictly(attr(tfd, 'SelloSAT') ?? '');
  if (!signature || signature.length === 0 || !verifySha256(certificate, cadena, signature))
    findings.push(
      stamp(
        'STAMP_SEAL_MISMATCH',
        'error',
        'El SelloSAT no corresponde al timbre con ese certificado del SAT: el timbre fue alterado o no lo emitió un PAC autorizado.',
        `${TFD_PATH}/@SelloSAT`,
      ),
    );
  return findings;
}

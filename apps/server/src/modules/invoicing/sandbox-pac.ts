import { randomUUID, sign } from 'node:crypto';
import { attr, buildTfdCadena, type Csd, readXml } from '@cajachica/cfdi';
import { mexicoCityDateTime } from '../../platform/mexico-time.js';
import { needsReceptorAcceptance, type Pac } from './pac.js';

/** SAT's own RFC: what test stamps carry as the certifying provider. */
const SANDBOX_PROVIDER_RFC = 'SAT970701NN3';
const TFD_NAMESPACE = 'http://www.sat.gob.mx/TimbreFiscalDigital';
const TFD_SCHEMA = 'http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The embedded default PAC: stamps our sealed XML as a PAC would, adding a TimbreFiscalDigital 1.1
 * with a fresh UUID and a SelloSAT made with a local test certificate (SAT's public test CSD). It
 * never reaches SAT: the CFDI has no fiscal validity, and its PDF says so. Cancellation follows
 * SAT's acceptance rules (pending where the receptor must accept).
 */
export function createSandboxPac(deps: { certificate: Csd; now: () => Date }): Pac {
  return {
    name: 'sandbox',
    sealsItself: false,
    async stamp(request) {
      if (!request.sealedXml) throw new Error('the sandbox PAC stamps a sealed XML');
      const root = readXml(request.sealedXml);
      const selloCfd = attr(root, 'Sello');
      if (!selloCfd) throw new Error('the CFDI to stamp has no Sello');
      const stampedAt = deps.now();
      const uuid = randomUUID().toUpperCase();
      const attributes = (selloSat: string) =>
        [
          `xmlns:tfd="${TFD_NAMESPACE}"`,
          `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
          `xsi:schemaLocation="${TFD_NAMESPACE} ${TFD_SCHEMA}"`,
          'Version="1.1"',
          `UUID="${uuid}"`,
          `FechaTimbrado="${mexicoCityDateTime(stampedAt)}"`,
          `RfcProvCertif="${SANDBOX_PROVIDER_RFC}"`,
          `SelloCFD="${escapeAttribute(selloCfd)}"`,
          `NoCertificadoSAT="${deps.certificate.certificate.noCertificado}"`,
          `SelloSAT="${selloSat}"`,
        ].join(' ');
      const unsigned = `<tfd:TimbreFiscalDigital ${attributes('')}/>`;
      const cadena = buildTfdCadena(readXml(unsigned));
      const selloSat = sign('sha256', Buffer.from(cadena, 'utf8'), deps.certificate.privateKey).toString(
        'base64',
      );
      const timbre = `<tfd:TimbreFiscalDigital ${attributes(selloSat)}/>`;
      const xml = request.sealedXml.includes('</cfdi:Complemento>')
        ? request.sealedXml.replace('</cfdi:Complemento>', `${timbre}</cfdi:Complemento>`)
        : request.sealedXml.replace(
            '</cfdi:Comprobante>',
            `<cfdi:Complemento>${timbre}</cfdi:Complemento></cfdi:Comprobante>`,
          );
      return { uuid, xml, stampedAt, pacDocumentId: null };
    },
    // As SAT does: at once, or pending the receptor's acceptance where the rules ask for it.
    async cancel(request) {
      return { status: needsReceptorAcceptance(request) ? 'pending' : 'canceled', acuseXml: null };
    },
  };
}

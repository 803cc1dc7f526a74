import type { Finding } from '../findings.js';
import { attr, type XmlElement } from '../xml/read-xml.js';
import { looksLikeEfirma, readSatCertificate } from './certificate.js';

const HOUR = 3_600_000;
const FECHA = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/**
 * The instants a CFDI Fecha can stand for. Fecha is local time without a zone, in the zone of the
 * LugarExpedicion; Mexico's zones run from UTC-5 (Quintana Roo; also the centre's old summer time)
 * to UTC-8 (Baja California in winter). So the instant lies between Fecha+5h and Fecha+8h in UTC.
 * Checks against it fail only when the certificate was invalid at every possible instant.
 */
export function fechaWindow(fecha: string): { earliest: Date; latest: Date } | null {
  const parts = FECHA.exec(fecha);
  if (!parts) return null;
  const wall = Date.UTC(
    Number(parts[1]),
    Number(parts[2]) - 1,
    Number(parts[3]),
    Number(parts[4]),
    Number(parts[5]),
    Number(parts[6]),
  );
  return { earliest: new Date(wall + 5 * HOUR), latest: new Date(wall + 8 * HOUR) };
}

/** A date for a person in Mexico: `2027-05-18 05:43:51 (hora del centro)`, i.e. UTC-6. */
export function formatMexicoDate(date: Date): string {
  return `${new Date(date.getTime() - 6 * HOUR).toISOString().slice(0, 19).replace('T', ' ')} (hora del centro)`;
}

/**
 * Checks the emisor's certificate against the CFDI: valid at its Fecha (see fechaWindow for the
 * time zone) and, as a warning, that it does not look like an e.firma, which SAT does not accept
 * for sealing invoices (see looksLikeEfirma). A missing or unreadable certificate is
 * verifyIssuerSeal's finding, not repeated here.
 */
export function checkCertificate(root: XmlElement): Finding[] {
  const certificate = readSatCertificate(attr(root, 'Certificado') ?? '');
  if (!certificate) return [];
  const findings: Finding[] = [];
  const fecha = attr(root, 'Fecha') ?? '';
  const window = fechaWindow(fecha);
  // Only written into a finding, so only formatted for one.
  const validity = () =>
    `vigencia del ${formatMexicoDate(certificate.validFrom)} al ${formatMexicoDate(certificate.validTo)}`;
  if (window && window.latest.getTime() < certificate.validFrom.getTime())
    findings.push({
      code: 'CERTIFICATE_NOT_YET_VALID',
      severity: 'error',
      category: 'certificate',
      message: `El certificado ${certificate.noCertificado} aún no era vigente en la fecha del comprobante (${fecha}); ${validity()}.`,
      path: '/Comprobante/@Fecha',
    });
  if (window && window.earliest.getTime() > certificate.validTo.getTime())
    findings.push({
      code: 'CERTIFICATE_EXPIRED',
      severity: 'error',
      category: 'certificate',
      message: `El certificado ${certificate.noCertificado} ya había vencido en la fecha del comprobante (${fecha}); ${validity()}. El emisor debe sellar con un CSD vigente.`,
      path: '/Comprobante/@Fecha',
    });
  if (looksLikeEfirma(certificate.x509))
    findings.push({
      code: 'CERTIFICATE_NOT_CSD',
      severity: 'warning',
      category: 'certificate',
      message: `El certificado ${certificate.noCertificado} parece de e.firma (FIEL) y no un Certificado de Sello Digital (CSD); el SAT exige sellar facturas con un CSD.`,
      path: '/Comprobante/@Certificado',
    });
  return findings;
}

import type { Finding } from '../findings.js';
import type { Cfdi } from '../model/index.js';
import { checkRfc } from '../rfc.js';

const POSTAL_CODE = /^\d{5}$/;

function rfcFindings(rfc: string | undefined, who: 'Emisor' | 'Receptor', path: string): Finding[] {
  if (rfc === undefined) return []; // a missing attribute is the schema check's finding
  const result = checkRfc(rfc);
  if (!result.ok) {
    return [
      {
        code: 'RFC_SYNTAX',
        severity: 'error',
        category: 'rfc',
        message: `El RFC del ${who} ("${rfc}") no es válido. ${result.message}`,
        path,
      },
    ];
  }
  if (result.generic) return []; // XAXX010101000 / XEXX010101000: valid receptor RFCs for público en general/extranjeros
  if (!result.checkDigitMatches) {
    return [
      {
        code: 'RFC_CHECK_DIGIT',
        severity: 'warning',
        category: 'rfc',
        message: `El dígito verificador del RFC del ${who} (${rfc}) no coincide. Existen RFC reales así; compáralo con la Constancia de Situación Fiscal.`,
        path,
      },
    ];
  }
  return [];
}

/**
 * `rfc` category: emisor and receptor RFC syntax (persona moral 12, física 13, generic RFCs),
 * a check-digit mismatch only as a warning, and the format of the postal codes.
 */
export function checkRfcRules(cfdi: Cfdi): Finding[] {
  const findings = [
    ...rfcFindings(cfdi.emisor?.rfc, 'Emisor', '/cfdi:Comprobante/cfdi:Emisor/@Rfc'),
    ...rfcFindings(cfdi.receptor?.rfc, 'Receptor', '/cfdi:Comprobante/cfdi:Receptor/@Rfc'),
  ];
  const emisorRfc = cfdi.emisor?.rfc ? checkRfc(cfdi.emisor.rfc) : null;
  if (emisorRfc?.ok && emisorRfc.generic) {
    findings.push({
      code: 'RFC_GENERIC_EMISOR',
      severity: 'error',
      category: 'rfc',
      message: `El Emisor no puede usar el RFC genérico ${emisorRfc.rfc}: un CFDI lo emite un contribuyente con su propio RFC.`,
      path: '/cfdi:Comprobante/cfdi:Emisor/@Rfc',
    });
  }
  const postalCodes: [string | undefined, string, string][] = [
    [cfdi.comprobante.lugarExpedicion, 'LugarExpedicion', '/cfdi:Comprobante/@LugarExpedicion'],
    [
      cfdi.receptor?.domicilioFiscalReceptor,
      'DomicilioFiscalReceptor',
      '/cfdi:Comprobante/cfdi:Receptor/@DomicilioFiscalReceptor',
    ],
  ];
  for (const [value, name, path] of postalCodes) {
    if (value !== undefined && !POSTAL_CODE.test(value)) {
      findings.push({
        code: 'POSTAL_CODE_FORMAT',
        severity: 'error',
        category: 'rfc',
        message: `${name} ("${value}") debe ser un código postal de 5 dígitos.`,
        path,
      });
    }
  }
  return findings;
}

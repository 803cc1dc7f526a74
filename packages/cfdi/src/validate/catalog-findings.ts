import {
  findClaveUnidad,
  findExportacion,
  findFormaPago,
  findImpuesto,
  findMetodoPago,
  findMoneda,
  findObjetoImpuesto,
  findRegimenFiscal,
  findTipoRelacion,
  findUsoCfdi,
  isTasaOCuotaAllowed,
} from '../catalogs/index.js';
import type { Finding } from '../findings.js';
import type { Cfdi, ConceptoImpuesto } from '../model/index.js';

const CLAVE_PROD_SERV = /^\d{8}$/;

function finding(
  code: string,
  message: string,
  path: string,
  severity: Finding['severity'] = 'error',
): Finding {
  return { code, severity, category: 'catalog', message, path };
}

/** A key that must be in a catalog: nothing when absent (the schema check says so), an error when unknown. */
function checkKey(
  findings: Finding[],
  value: string | undefined,
  exists: (key: string) => unknown,
  catalog: string,
  what: string,
  path: string,
): void {
  if (value === undefined || exists(value)) return;
  findings.push(
    finding(
      'CATALOG_UNKNOWN_KEY',
      `${what} "${value}" no existe en el catálogo ${catalog} del SAT (CFDI 4.0).`,
      path,
    ),
  );
}

function checkTaxes(cfdi: Cfdi): Finding[] {
  const findings: Finding[] = [];
  cfdi.conceptos.forEach((concepto, index) => {
    if (!concepto.impuestos) return;
    checkTaxList(findings, index, 'traslado', concepto.impuestos.traslados);
    checkTaxList(findings, index, 'retencion', concepto.impuestos.retenciones);
  });
  return findings;
}

function checkTaxList(
  findings: Finding[],
  index: number,
  use: 'traslado' | 'retencion',
  list: ConceptoImpuesto[],
): void {
  // Paths are only written into findings, so only built for one.
  const pathOf = (taxIndex: number) =>
    `/cfdi:Comprobante/cfdi:Conceptos/cfdi:Concepto[${index + 1}]/cfdi:Impuestos/cfdi:${use === 'traslado' ? 'Traslados/cfdi:Traslado' : 'Retenciones/cfdi:Retencion'}[${taxIndex + 1}]`;
  list.forEach((tax, taxIndex) => {
    const impuesto = tax.impuesto ? findImpuesto(tax.impuesto) : undefined;
    if (tax.impuesto !== undefined && !impuesto) {
      findings.push(
        finding(
          'CATALOG_UNKNOWN_KEY',
          `El impuesto "${tax.impuesto}" no existe en c_Impuesto.`,
          `${pathOf(taxIndex)}/@Impuesto`,
        ),
      );
      return;
    }
    if (impuesto && !impuesto[use]) {
      findings.push(
        finding(
          'CATALOG_TAX_NOT_ALLOWED',
          `${impuesto.name} (${impuesto.key}) no puede declararse como ${use === 'traslado' ? 'traslado' : 'retención'}.`,
          `${pathOf(taxIndex)}/@Impuesto`,
        ),
      );
      return; // no rate can be right for a tax that may not be declared this way
    }
    // Exento carries no rate; the others must match c_TasaOCuota.
    if (impuesto && tax.tipoFactor && tax.tipoFactor !== 'Exento' && tax.tasaOCuota !== undefined) {
      if (!isTasaOCuotaAllowed(impuesto.key, tax.tipoFactor, tax.tasaOCuota, use)) {
        findings.push(
          finding(
            'CATALOG_TASA_O_CUOTA',
            `La ${tax.tipoFactor.toLowerCase()} ${tax.tasaOCuota} no es válida para ${impuesto.name} como ${use === 'traslado' ? 'traslado' : 'retención'} (c_TasaOCuota).`,
            `${pathOf(taxIndex)}/@TasaOCuota`,
          ),
        );
      }
    }
  });
}

/**
 * `catalog` category: keys in SAT's catalogs (including those the stand-in XSD does not enumerate),
 * and compatibility rules: uso CFDI ↔ régimen del receptor, impuesto allowed as traslado or
 * retención, c_TasaOCuota. c_ClaveProdServ is not shipped (SAT's file is too large): its
 * format is checked and the finding says so.
 */
export function checkCatalogRules(cfdi: Cfdi): Finding[] {
  const { comprobante, emisor, receptor } = cfdi;
  const isVersion4 = cfdi.version === '4.0';
  const findings: Finding[] = [];
  checkKey(
    findings,
    comprobante.formaPago,
    findFormaPago,
    'c_FormaPago',
    'La forma de pago',
    '/cfdi:Comprobante/@FormaPago',
  );
  checkKey(
    findings,
    comprobante.metodoPago,
    findMetodoPago,
    'c_MetodoPago',
    'El método de pago',
    '/cfdi:Comprobante/@MetodoPago',
  );
  checkKey(findings, comprobante.moneda, findMoneda, 'c_Moneda', 'La moneda', '/cfdi:Comprobante/@Moneda');
  checkKey(
    findings,
    emisor?.regimenFiscal,
    findRegimenFiscal,
    'c_RegimenFiscal',
    'El régimen fiscal del Emisor',
    '/cfdi:Comprobante/cfdi:Emisor/@RegimenFiscal',
  );
  if (isVersion4) {
    checkKey(
      findings,
      comprobante.exportacion,
      findExportacion,
      'c_Exportacion',
      'La clave de exportación',
      '/cfdi:Comprobante/@Exportacion',
    );
    checkKey(
      findings,
      receptor?.usoCfdi,
      findUsoCfdi,
      'c_UsoCFDI',
      'El uso del CFDI',
      '/cfdi:Comprobante/cfdi:Receptor/@UsoCFDI',
    );
    checkKey(
      findings,
      receptor?.regimenFiscalReceptor,
      findRegimenFiscal,
      'c_RegimenFiscal',
      'El régimen fiscal del Receptor',
      '/cfdi:Comprobante/cfdi:Receptor/@RegimenFiscalReceptor',
    );
    const uso = receptor?.usoCfdi ? findUsoCfdi(receptor.usoCfdi) : undefined;
    const regimen = receptor?.regimenFiscalReceptor;
    if (uso && regimen && findRegimenFiscal(regimen) && !uso.regimenesReceptor.includes(regimen)) {
      findings.push(
        finding(
          'CATALOG_USO_REGIMEN',
          `El uso del CFDI ${uso.key} no es compatible con el régimen fiscal del receptor ${regimen} (c_UsoCFDI).`,
          '/cfdi:Comprobante/cfdi:Receptor/@UsoCFDI',
        ),
      );
    }
    for (const [index, relacionados] of cfdi.cfdiRelacionados.entries()) {
      checkKey(
        findings,
        relacionados.tipoRelacion,
        findTipoRelacion,
        'c_TipoRelacion',
        'El tipo de relación',
        `/cfdi:Comprobante/cfdi:CfdiRelacionados[${index + 1}]/@TipoRelacion`,
      );
    }
  }
  cfdi.conceptos.forEach((concepto, index) => {
    const path = `/cfdi:Comprobante/cfdi:Conceptos/cfdi:Concepto[${index + 1}]`;
    checkKey(
      findings,
      concepto.claveUnidad,
      findClaveUnidad,
      'c_ClaveUnidad',
      'La clave de unidad',
      `${path}/@ClaveUnidad`,
    );
    if (isVersion4) {
      checkKey(
        findings,
        concepto.objetoImp,
        findObjetoImpuesto,
        'c_ObjetoImp',
        'El objeto de impuesto',
        `${path}/@ObjetoImp`,
      );
    }
    if (concepto.claveProdServ !== undefined && !CLAVE_PROD_SERV.test(concepto.claveProdServ)) {
      findings.push(
        finding(
          'CATALOG_CLAVE_PROD_SERV_FORMAT',
          `La clave de producto o servicio "${concepto.claveProdServ}" debe tener 8 dígitos (solo se revisó el formato: el catálogo c_ClaveProdServ no está cargado).`,
          `${path}/@ClaveProdServ`,
        ),
      );
    }
  });
  return [...findings, ...checkTaxes(cfdi)];
}

import type { Finding } from '../findings.js';
import type { Cfdi, ConceptoImpuesto } from '../model/index.js';
import { currencyDecimals, D, type Dec, decimalsOf, halfUnit, sum, toDecimal } from './amounts.js';

const COMPROBANTE = '/cfdi:Comprobante';

function finding(code: string, message: string, path: string): Finding {
  return { code, severity: 'error', category: 'arithmetic', message, path };
}

/**
 * Anexo 20's tolerance for a product written with limited decimals: the value must lie between
 * the product of the factors' lower bounds (truncated) and of their upper bounds (rounded up),
 * at the decimals the result is written with.
 */
function isWithinProductLimits(result: string, factors: [string, string, boolean][]): boolean {
  const written = new D(result);
  let lower = new D(1);
  let upper = new D(1);
  for (const [value, , exact] of factors) {
    const decimal = new D(value);
    const margin = exact ? new D(0) : halfUnit(decimalsOf(value));
    lower = lower.times(decimal.minus(margin));
    upper = upper.times(decimal.plus(margin));
  }
  const places = decimalsOf(result);
  return (
    written.greaterThanOrEqualTo(lower.toDecimalPlaces(places, D.ROUND_DOWN)) &&
    written.lessThanOrEqualTo(upper.toDecimalPlaces(places, D.ROUND_UP))
  );
}

function checkConceptos(cfdi: Cfdi): Finding[] {
  const findings: Finding[] = [];
  cfdi.conceptos.forEach((concepto, index) => {
    const path = `${COMPROBANTE}/cfdi:Conceptos/cfdi:Concepto[${index + 1}]`;
    const { cantidad, valorUnitario, importe, descuento } = concepto;
    if (toDecimal(cantidad) && toDecimal(valorUnitario) && toDecimal(importe)) {
      const within = isWithinProductLimits(importe as string, [
        [cantidad as string, 'Cantidad', false],
        [valorUnitario as string, 'ValorUnitario', false],
      ]);
      if (!within) {
        findings.push(
          finding(
            'ARITHMETIC_CONCEPTO_IMPORTE',
            `El importe del concepto ${index + 1} (${importe}) no es Cantidad × ValorUnitario (${cantidad} × ${valorUnitario}).`,
            `${path}/@Importe`,
          ),
        );
      }
    }
    const importeValue = toDecimal(importe);
    const descuentoValue = toDecimal(descuento);
    if (importeValue && descuentoValue?.greaterThan(importeValue)) {
      findings.push(
        finding(
          'ARITHMETIC_DESCUENTO_EXCEDE',
          `El descuento del concepto ${index + 1} (${descuento}) es mayor que su importe (${importe}).`,
          `${path}/@Descuento`,
        ),
      );
    }
    const taxes: [string, ConceptoImpuesto[]][] = [
      ['Traslados/cfdi:Traslado', concepto.impuestos?.traslados ?? []],
      ['Retenciones/cfdi:Retencion', concepto.impuestos?.retenciones ?? []],
    ];
    for (const [element, list] of taxes) {
      list.forEach((tax, taxIndex) => {
        if (
          tax.tipoFactor === 'Exento' ||
          !toDecimal(tax.base) ||
          !toDecimal(tax.tasaOCuota) ||
          !toDecimal(tax.importe)
        ) {
          return;
        }
        // The rate is exact (a catalog value); only the base carries rounding.
        const within = isWithinProductLimits(tax.importe as string, [
          [tax.base as string, 'Base', false],
          [tax.tasaOCuota as string, 'TasaOCuota', true],
        ]);
        if (!within) {
          findings.push(
            finding(
              'ARITHMETIC_IMPUESTO_IMPORTE',
              `El importe del impuesto ${tax.impuesto ?? ''} del concepto ${index + 1} (${tax.importe}) no es Base × TasaOCuota (${tax.base} × ${tax.tasaOCuota}).`,
              `${path}/cfdi:Impuestos/cfdi:${element}[${taxIndex + 1}]/@Importe`,
            ),
          );
        }
      });
    }
  });
  return findings;
}

/** Whether a declared total equals an exact sum once rounded to the currency's decimals. */
function equalsRounded(declared: string | undefined, computed: Dec | null, decimals: number): boolean {
  const value = toDecimal(declared);
  if (!value || !computed) return true; // missing or malformed: the schema check reports it
  return value.equals(computed.toDecimalPlaces(decimals, D.ROUND_HALF_UP));
}

function taxKey(tax: {
  impuesto?: string | undefined;
  tipoFactor?: string | undefined;
  tasaOCuota?: string | undefined;
}) {
  const rate = toDecimal(tax.tasaOCuota);
  return `${tax.impuesto ?? ''}|${tax.tipoFactor ?? ''}|${rate ? rate.toFixed(6) : ''}`;
}

function checkComprobante(cfdi: Cfdi): Finding[] {
  const findings: Finding[] = [];
  const { comprobante, conceptos, impuestos } = cfdi;
  const decimals = currencyDecimals(comprobante.moneda);
  for (const [name, value] of [
    ['SubTotal', comprobante.subTotal],
    ['Descuento', comprobante.descuento],
    ['Total', comprobante.total],
  ] as const) {
    if (value !== undefined && toDecimal(value) && decimalsOf(value) > decimals) {
      findings.push(
        finding(
          'ARITHMETIC_DECIMALES_MONEDA',
          `${name} (${value}) tiene más decimales de los que admite la moneda ${comprobante.moneda ?? 'MXN'} (${decimals}).`,
          `${COMPROBANTE}/@${name}`,
        ),
      );
    }
  }
  const subTotal = sum(conceptos.map((concepto) => concepto.importe));
  if (!equalsRounded(comprobante.subTotal, subTotal, decimals)) {
    findings.push(
      finding(
        'ARITHMETIC_SUBTOTAL',
        `SubTotal (${comprobante.subTotal}) no es la suma de los importes de los conceptos (${subTotal?.toFixed(decimals)}).`,
        `${COMPROBANTE}/@SubTotal`,
      ),
    );
  }
  const conceptDiscounts = conceptos.filter((concepto) => concepto.descuento !== undefined);
  const descuento = sum(conceptDiscounts.map((concepto) => concepto.descuento));
  if (
    (comprobante.descuento !== undefined || conceptDiscounts.length > 0) &&
    !equalsRounded(comprobante.descuento ?? '0', descuento, decimals)
  ) {
    findings.push(
      finding(
        'ARITHMETIC_DESCUENTO',
        `Descuento (${comprobante.descuento ?? 'ausente'}) no es la suma de los descuentos de los conceptos (${descuento?.toFixed(decimals)}).`,
        `${COMPROBANTE}/@Descuento`,
      ),
    );
  }
  if (impuestos) {
    const trasladados = sum(
      impuestos.traslados.filter((t) => t.tipoFactor !== 'Exento').map((t) => t.importe),
    );
    if (
      impuestos.totalImpuestosTrasladados !== undefined &&
      !equalsRounded(impuestos.totalImpuestosTrasladados, trasladados, decimals)
    ) {
      findings.push(
        finding(
          'ARITHMETIC_TOTAL_TRASLADADOS',
          `TotalImpuestosTrasladados (${impuestos.totalImpuestosTrasladados}) no es la suma de los traslados (${trasladados?.toFixed(decimals)}).`,
          `${COMPROBANTE}/cfdi:Impuestos/@TotalImpuestosTrasladados`,
        ),
      );
    }
    const retenidos = sum(impuestos.retenciones.map((r) => r.importe));
    if (
      impuestos.totalImpuestosRetenidos !== undefined &&
      !equalsRounded(impuestos.totalImpuestosRetenidos, retenidos, decimals)
    ) {
      findings.push(
        finding(
          'ARITHMETIC_TOTAL_RETENIDOS',
          `TotalImpuestosRetenidos (${impuestos.totalImpuestosRetenidos}) no es la suma de las retenciones (${retenidos?.toFixed(decimals)}).`,
          `${COMPROBANTE}/cfdi:Impuestos/@TotalImpuestosRetenidos`,
        ),
      );
    }
    findings.push(...checkTaxGroups(cfdi, decimals));
  }
  findings.push(...checkTotal(cfdi, decimals));
  return findings;
}

/** Each comprobante-level traslado/retención equals the sum of the conceptos' of the same kind. */
function checkTaxGroups(cfdi: Cfdi, decimals: number): Finding[] {
  const findings: Finding[] = [];
  const traslados = new Map<string, Dec>();
  const retenciones = new Map<string, Dec>();
  for (const concepto of cfdi.conceptos) {
    for (const tax of concepto.impuestos?.traslados ?? []) {
      const importe = toDecimal(tax.importe);
      if (importe) traslados.set(taxKey(tax), (traslados.get(taxKey(tax)) ?? new D(0)).plus(importe));
    }
    for (const tax of concepto.impuestos?.retenciones ?? []) {
      const importe = toDecimal(tax.importe);
      if (importe)
        retenciones.set(tax.impuesto ?? '', (retenciones.get(tax.impuesto ?? '') ?? new D(0)).plus(importe));
    }
  }
  cfdi.impuestos?.traslados.forEach((tax, index) => {
    if (tax.tipoFactor === 'Exento' || tax.importe === undefined) return;
    const expected = traslados.get(taxKey(tax)) ?? new D(0);
    if (!equalsRounded(tax.importe, expected, decimals)) {
      findings.push(
        finding(
          'ARITHMETIC_TRASLADO_COMPROBANTE',
          `El traslado ${tax.impuesto ?? ''} ${tax.tasaOCuota ?? ''} del comprobante (${tax.importe}) no es la suma de los conceptos (${expected.toFixed(decimals)}).`,
          `${COMPROBANTE}/cfdi:Impuestos/cfdi:Traslados/cfdi:Traslado[${index + 1}]/@Importe`,
        ),
      );
    }
  });
  cfdi.impuestos?.retenciones.forEach((tax, index) => {
    const expected = retenciones.get(tax.impuesto ?? '') ?? new D(0);
    if (!equalsRounded(tax.importe, expected, decimals)) {
      findings.push(
        finding(
          'ARITHMETIC_RETENCION_COMPROBANTE',
          `La retención ${tax.impuesto ?? ''} del comprobante (${tax.importe}) no es la suma de los conceptos (${expected.toFixed(decimals)}).`,
          `${COMPROBANTE}/cfdi:Impuestos/cfdi:Retenciones/cfdi:Retencion[${index + 1}]/@Importe`,
        ),
      );
    }
  });
  return findings;
}

/** Total = SubTotal − Descuento + traslados − retenciones (+ local taxes of implocal). */
function checkTotal(cfdi: Cfdi, decimals: number): Finding[] {
  const { comprobante, impuestos, impuestosLocales } = cfdi;
  const subTotal = toDecimal(comprobante.subTotal);
  const descuento = toDecimal(comprobante.descuento ?? '0');
  const trasladados = toDecimal(impuestos?.totalImpuestosTrasladados ?? '0');
  const retenidos = toDecimal(impuestos?.totalImpuestosRetenidos ?? '0');
  const localesTrasladados = toDecimal(impuestosLocales?.totalDeTraslados ?? '0');
  const localesRetenidos = toDecimal(impuestosLocales?.totalDeRetenciones ?? '0');
  if (!subTotal || !descuento || !trasladados || !retenidos || !localesTrasladados || !localesRetenidos)
    return [];
  const expected = subTotal
    .minus(descuento)
    .plus(trasladados)
    .minus(retenidos)
    .plus(localesTrasladados)
    .minus(localesRetenidos);
  if (equalsRounded(comprobante.total, expected, decimals)) return [];
  return [
    finding(
      'ARITHMETIC_TOTAL',
      `Total (${comprobante.total}) no es SubTotal − Descuento + impuestos trasladados − retenidos (${expected.toFixed(decimals)}).`,
      `${COMPROBANTE}/@Total`,
    ),
  ];
}

/** `arithmetic` category: Anexo 20's rules on importes, taxes, SubTotal, Descuento and Total. */
export function checkArithmetic(cfdi: Cfdi): Finding[] {
  return [...checkConceptos(cfdi), ...checkComprobante(cfdi)];
}

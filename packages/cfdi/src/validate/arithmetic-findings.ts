import type { Finding } from '../findings.js';
import type { Cfdi, ConceptoImpuesto } from '../model/index.js';
import { currencyDecimals, decimalsOf } from './amounts.js';
import {
  compare,
  type Exact,
  halfUnitOf,
  minus,
  ONE,
  parseExact,
  plus,
  times,
  toFixed,
  toPlaces,
  ZERO,
} from './exact-decimal.js';

const COMPROBANTE = '/cfdi:Comprobante';

// A document's amounts are read several times (a concepto's Importe is checked, summed and grouped):
// each text is parsed once per check. A new Map after every check, so it holds one document at most;
// not one Map emptied with clear(): V8 links each emptied table to its successor, and once one was
// promoted it kept every later one (and the document slices they key by) alive until a full GC.
let parsed = new Map<string, Exact | null>();

/** The value of a decimal attribute, or null when it is missing or malformed (as amounts.ts' toDecimal). */
function toDecimal(value: string | undefined): Exact | null {
  if (value === undefined) return null;
  let decimal = parsed.get(value);
  if (decimal === undefined) {
    decimal = parseExact(value);
    parsed.set(value, decimal);
  }
  return decimal;
}

/** Sums decimal texts exactly; null if any is missing or malformed. */
function sum(values: readonly (string | undefined)[]): Exact | null {
  let total = ZERO;
  for (const value of values) {
    const decimal = toDecimal(value);
    if (!decimal) return null;
    total = plus(total, decimal);
  }
  return total;
}

function finding(code: string, message: string, path: string): Finding {
  return { code, severity: 'error', category: 'arithmetic', message, path };
}

/**
 * Anexo 20's tolerance for a product written with limited decimals: the value must lie between
 * the product of the factors' lower bounds (truncated) and of their upper bounds (rounded up),
 * at the decimals the result is written with. Factors are [text, value, exact].
 */
function isWithinProductLimits(result: string, written: Exact, factors: [string, Exact, boolean][]): boolean {
  let lower = ONE;
  let upper = ONE;
  for (const [text, value, exact] of factors) {
    const margin = exact ? ZERO : halfUnitOf(decimalsOf(text));
    lower = times(lower, minus(value, margin));
    upper = times(upper, plus(value, margin));
  }
  const places = decimalsOf(result);
  return (
    compare(written, toPlaces(lower, places, 'down')) >= 0 &&
    compare(written, toPlaces(upper, places, 'up')) <= 0
  );
}

const conceptoPath = (index: number) => `${COMPROBANTE}/cfdi:Conceptos/cfdi:Concepto[${index + 1}]`;

function checkConceptos(cfdi: Cfdi): Finding[] {
  const findings: Finding[] = [];
  cfdi.conceptos.forEach((concepto, index) => {
    const { cantidad, valorUnitario, importe, descuento } = concepto;
    const cantidadValue = toDecimal(cantidad);
    const valorUnitarioValue = toDecimal(valorUnitario);
    const importeValue = toDecimal(importe);
    if (
      cantidadValue &&
      valorUnitarioValue &&
      importeValue &&
      !isWithinProductLimits(importe as string, importeValue, [
        [cantidad as string, cantidadValue, false],
        [valorUnitario as string, valorUnitarioValue, false],
      ])
    ) {
      findings.push(
        finding(
          'ARITHMETIC_CONCEPTO_IMPORTE',
          `El importe del concepto ${index + 1} (${importe}) no es Cantidad × ValorUnitario (${cantidad} × ${valorUnitario}).`,
          `${conceptoPath(index)}/@Importe`,
        ),
      );
    }
    const descuentoValue = toDecimal(descuento);
    if (importeValue && descuentoValue && compare(descuentoValue, importeValue) > 0) {
      findings.push(
        finding(
          'ARITHMETIC_DESCUENTO_EXCEDE',
          `El descuento del concepto ${index + 1} (${descuento}) es mayor que su importe (${importe}).`,
          `${conceptoPath(index)}/@Descuento`,
        ),
      );
    }
    if (concepto.impuestos) {
      checkConceptoTaxes(findings, index, 'Traslados/cfdi:Traslado', concepto.impuestos.traslados);
      checkConceptoTaxes(findings, index, 'Retenciones/cfdi:Retencion', concepto.impuestos.retenciones);
    }
  });
  return findings;
}

/** Each tax's Importe is Base × TasaOCuota; the rate is exact (a catalog value), only the base is rounded. */
function checkConceptoTaxes(findings: Finding[], index: number, element: string, taxes: ConceptoImpuesto[]) {
  taxes.forEach((tax, taxIndex) => {
    if (tax.tipoFactor === 'Exento') return;
    const base = toDecimal(tax.base);
    const rate = toDecimal(tax.tasaOCuota);
    const importe = toDecimal(tax.importe);
    if (!base || !rate || !importe) return;
    if (
      isWithinProductLimits(tax.importe as string, importe, [
        [tax.base as string, base, false],
        [tax.tasaOCuota as string, rate, true],
      ])
    )
      return;
    findings.push(
      finding(
        'ARITHMETIC_IMPUESTO_IMPORTE',
        `El importe del impuesto ${tax.impuesto ?? ''} del concepto ${index + 1} (${tax.importe}) no es Base × TasaOCuota (${tax.base} × ${tax.tasaOCuota}).`,
        `${conceptoPath(index)}/cfdi:Impuestos/cfdi:${element}[${taxIndex + 1}]/@Importe`,
      ),
    );
  });
}

/** Whether a declared total equals an exact sum once rounded to the currency's decimals. */
function equalsRounded(declared: string | undefined, computed: Exact | null, decimals: number): boolean {
  const value = toDecimal(declared);
  if (!value || !computed) return true; // missing or malformed: the schema check reports it
  return compare(value, toPlaces(computed, decimals, 'halfUp')) === 0;
}

function taxKey(tax: {
  impuesto?: string | undefined;
  tipoFactor?: string | undefined;
  tasaOCuota?: string | undefined;
}) {
  const rate = toDecimal(tax.tasaOCuota);
  return `${tax.impuesto ?? ''}|${tax.tipoFactor ?? ''}|${rate ? toFixed(rate, 6) : ''}`;
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
        `SubTotal (${comprobante.subTotal}) no es la suma de los importes de los conceptos (${subTotal ? toFixed(subTotal, decimals) : undefined}).`,
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
        `Descuento (${comprobante.descuento ?? 'ausente'}) no es la suma de los descuentos de los conceptos (${descuento ? toFixed(descuento, decimals) : undefined}).`,
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
          `TotalImpuestosTrasladados (${impuestos.totalImpuestosTrasladados}) no es la suma de los traslados (${trasladados ? toFixed(trasladados, decimals) : undefined}).`,
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
          `TotalImpuestosRetenidos (${impuestos.totalImpuestosRetenidos}) no es la suma de las retenciones (${retenidos ? toFixed(retenidos, decimals) : undefined}).`,
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
  const traslados = new Map<string, Exact>();
  const retenciones = new Map<string, Exact>();
  for (const concepto of cfdi.conceptos) {
    for (const tax of concepto.impuestos?.traslados ?? []) {
      const importe = toDecimal(tax.importe);
      if (importe) {
        const key = taxKey(tax);
        traslados.set(key, plus(traslados.get(key) ?? ZERO, importe));
      }
    }
    for (const tax of concepto.impuestos?.retenciones ?? []) {
      const importe = toDecimal(tax.importe);
      if (importe)
        retenciones.set(tax.impuesto ?? '', plus(retenciones.get(tax.impuesto ?? '') ?? ZERO, importe));
    }
  }
  cfdi.impuestos?.traslados.forEach((tax, index) => {
    if (tax.tipoFactor === 'Exento' || tax.importe === undefined) return;
    const expected = traslados.get(taxKey(tax)) ?? ZERO;
    if (!equalsRounded(tax.importe, expected, decimals)) {
      findings.push(
        finding(
          'ARITHMETIC_TRASLADO_COMPROBANTE',
          `El traslado ${tax.impuesto ?? ''} ${tax.tasaOCuota ?? ''} del comprobante (${tax.importe}) no es la suma de los conceptos (${toFixed(expected, decimals)}).`,
          `${COMPROBANTE}/cfdi:Impuestos/cfdi:Traslados/cfdi:Traslado[${index + 1}]/@Importe`,
        ),
      );
    }
  });
  cfdi.impuestos?.retenciones.forEach((tax, index) => {
    const expected = retenciones.get(tax.impuesto ?? '') ?? ZERO;
    if (!equalsRounded(tax.importe, expected, decimals)) {
      findings.push(
        finding(
          'ARITHMETIC_RETENCION_COMPROBANTE',
          `La retención ${tax.impuesto ?? ''} del comprobante (${tax.importe}) no es la suma de los conceptos (${toFixed(expected, decimals)}).`,
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
  const expected = minus(
    plus(minus(plus(minus(subTotal, descuento), trasladados), retenidos), localesTrasladados),
    localesRetenidos,
  );
  if (equalsRounded(comprobante.total, expected, decimals)) return [];
  return [
    finding(
      'ARITHMETIC_TOTAL',
      `Total (${comprobante.total}) no es SubTotal − Descuento + impuestos trasladados − retenidos (${toFixed(expected, decimals)}).`,
      `${COMPROBANTE}/@Total`,
    ),
  ];
}

/** `arithmetic` category: Anexo 20's rules on importes, taxes, SubTotal, Descuento and Total. */
export function checkArithmetic(cfdi: Cfdi): Finding[] {
  try {
    return [...checkConceptos(cfdi), ...checkComprobante(cfdi)];
  } finally {
    parsed = new Map();
  }
}

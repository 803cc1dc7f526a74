import { type Cfdi, cfdiTotals, cfdiUuid, type Finding, validateCfdi } from '@cajachica/cfdi';
import { money, toCentavos } from '../../platform/money.js';
import type { ExpenseAmounts } from './expense-amounts.js';
import type { StoredFinding } from './expenses.schema.js';

/** The expense fields a CFDI fills (amounts as exact decimal strings). */
export interface CfdiExpenseFields extends ExpenseAmounts {
  cfdiUuid: string;
  cfdiVersion: string;
  cfdiType: string;
  cfdiIssuedAt: string;
  cfdiUse: string | null;
  cfdiPaymentForm: string | null;
  cfdiPaymentMethod: string | null;
  cfdiReceiverRfc: string | null;
  cfdiSealTail: string | null;
  expenseDate: string;
  concept: string;
  supplierRfc: string | null;
  supplierName: string | null;
  totalMxn: string;
  /** First ClaveProdServ, to suggest a category. */
  firstProductKey: string | null;
}

export type CfdiIntake =
  | { accepted: true; fields: CfdiExpenseFields; findings: StoredFinding[] }
  | { accepted: false; findings: StoredFinding[] };

// A stamped CFDI with an error in these categories is not a valid fiscal document: it is refused.
// Catalog and RFC errors are kept as findings on the expense: SAT stamped it, the money was spent.
const REFUSING_CATEGORIES = new Set(['security', 'schema', 'seal', 'stamp', 'certificate', 'arithmetic']);

const TYPE_REFUSALS: Record<string, string> = {
  E: 'Es una nota de crédito (CFDI de egreso): no es un gasto. Regístrala como devolución del gasto original.',
  T: 'Es un CFDI de traslado (ampara el transporte de mercancías): no es un gasto.',
  P: 'Es un complemento de pago (CFDI de pago): no es un gasto; importa la factura que se pagó.',
  N: 'Es un recibo de nómina: no es un gasto de caja chica.',
};

const stored = (finding: Finding): StoredFinding => ({
  code: finding.code,
  severity: finding.severity,
  category: finding.category,
  message: finding.message,
});

const refusal = (code: string, message: string): StoredFinding => ({
  code,
  severity: 'error',
  category: 'intake',
  message,
});

function conceptOf(cfdi: Cfdi): string {
  const first = cfdi.conceptos[0]?.descripcion?.trim() || 'Gasto con CFDI';
  const others = cfdi.conceptos.length - 1;
  const text = others > 0 ? `${first} (y ${others} concepto${others > 1 ? 's' : ''} más)` : first;
  return text.slice(0, 500);
}

const orZero = (value: string | null | undefined) => value ?? '0';

/**
 * Reads a received CFDI for an expense: the library's checks, then what an expense needs of it.
 * The intake owns its strings: the XML reader's values are slices of the whole document text (and
 * findings' messages are built from them), so kept as they come, each intake of an import batch, and
 * each rejection until the import answers, would keep its whole XML alive. A JSON round trip copies
 * them into strings of their own, for a microsecond or two per file.
 */
export function readCfdiForExpense(bytes: Uint8Array, options: { maxBytes?: number } = {}): CfdiIntake {
  return JSON.parse(JSON.stringify(intakeOf(bytes, options))) as CfdiIntake;
}

function intakeOf(bytes: Uint8Array, options: { maxBytes?: number }): CfdiIntake {
  const result = validateCfdi(bytes, options.maxBytes ? { maxBytes: options.maxBytes } : {});
  // The same rule broken on several conceptos reads the same to a person: keep it once.
  const findings = [...new Map(result.findings.map((f) => [`${f.code}|${f.message}`, stored(f)])).values()];
  const cfdi = result.cfdi;
  if (!cfdi) return { accepted: false, findings };
  const refusing = result.findings.filter(
    (f) => f.severity === 'error' && REFUSING_CATEGORIES.has(f.category),
  );
  if (refusing.length > 0) return { accepted: false, findings };

  const uuid = cfdiUuid(cfdi);
  if (!uuid) {
    return {
      accepted: false,
      findings: [
        refusal(
          'CFDI_NOT_STAMPED',
          'El CFDI no tiene timbre fiscal (TimbreFiscalDigital): no tiene folio fiscal (UUID) y el SAT no lo conoce. Pide al proveedor el XML timbrado.',
        ),
        ...findings.filter((f) => f.code !== 'STAMP_MISSING'),
      ],
    };
  }
  const { comprobante } = cfdi;
  const type = comprobante.tipoDeComprobante ?? '';
  const typeRefusal = TYPE_REFUSALS[type];
  if (typeRefusal)
    return { accepted: false, findings: [refusal('CFDI_TYPE_NOT_EXPENSE', typeRefusal), ...findings] };

  const totals = cfdiTotals(cfdi);
  const currency = comprobante.moneda ?? 'MXN';
  if (currency === 'XXX' || !totals.total || !money(totals.total).greaterThan(0)) {
    return {
      accepted: false,
      findings: [
        refusal(
          'CFDI_NO_AMOUNT',
          'El CFDI no tiene un importe que pagar (total cero o moneda XXX): no es un gasto.',
        ),
        ...findings,
      ],
    };
  }
  let totalMxn: string;
  let exchangeRate: string | null = null;
  if (currency === 'MXN') {
    totalMxn = toCentavos(totals.total);
  } else {
    const rate = comprobante.tipoCambio;
    if (!rate || !money(rate).greaterThan(0)) {
      return {
        accepted: false,
        findings: [
          refusal(
            'CFDI_EXCHANGE_RATE_MISSING',
            `El CFDI está en ${currency} y no indica el tipo de cambio: no podemos convertirlo a pesos.`,
          ),
          ...findings,
        ],
      };
    }
    exchangeRate = rate;
    totalMxn = toCentavos(money(totals.total).times(rate));
  }
  const fecha = comprobante.fecha ?? '';
  return {
    accepted: true,
    findings,
    fields: {
      cfdiUuid: uuid,
      cfdiVersion: cfdi.version,
      cfdiType: type,
      cfdiIssuedAt: fecha,
      cfdiUse: cfdi.receptor?.usoCfdi ?? null,
      cfdiPaymentForm: comprobante.formaPago ?? null,
      cfdiPaymentMethod: comprobante.metodoPago ?? null,
      cfdiReceiverRfc: cfdi.receptor?.rfc?.toUpperCase() ?? null,
      cfdiSealTail: comprobante.sello ? comprobante.sello.slice(-8) : null,
      expenseDate: fecha.slice(0, 10),
      concept: conceptOf(cfdi),
      supplierRfc: cfdi.emisor?.rfc?.toUpperCase() ?? null,
      supplierName: cfdi.emisor?.nombre ?? null,
      currency,
      exchangeRate,
      subtotal: orZero(totals.subTotal),
      discount: orZero(totals.descuento),
      ivaTransferred: orZero(totals.traslados.iva),
      iepsTransferred: orZero(totals.traslados.ieps),
      isrWithheld: orZero(totals.retenciones.isr),
      ivaWithheld: orZero(totals.retenciones.iva),
      localTaxesTransferred: orZero(totals.locales?.traslados),
      localTaxesWithheld: orZero(totals.locales?.retenciones),
      total: totals.total,
      totalMxn,
      firstProductKey: cfdi.conceptos[0]?.claveProdServ ?? null,
    },
  };
}

// ClaveProdServ prefixes (c_ClaveProdServ families) → default category codes, to prefill.
const CATEGORY_BY_PRODUCT_PREFIX: readonly [string, string][] = [
  ['151015', 'COMBUSTIBLE'], // gasolina, diésel
  ['1512', 'COMBUSTIBLE'], // lubricantes
  ['4412', 'PAPELERIA'], // suministros de oficina
  ['1411', 'PAPELERIA'], // papel
  ['9011', 'VIATICOS'], // hoteles y hospedaje
  ['9010', 'VIATICOS'], // restaurantes y catering
  ['7811', 'VIATICOS'], // transporte de pasajeros
  ['7810', 'MENSAJERIA'], // transporte de correo y carga
  ['4711', 'LIMPIEZA'], // artículos de limpieza
  ['7611', 'LIMPIEZA'], // servicios de limpieza
  ['7210', 'MANTENIMIENTO'], // mantenimiento de edificios
  ['8311', 'TELEFONIA'], // telecomunicaciones
];

/** A default category code for a CFDI's first concept, when its product key says enough. */
export function suggestCategoryCode(productKey: string | null): string | null {
  if (!productKey) return null;
  return CATEGORY_BY_PRODUCT_PREFIX.find(([prefix]) => productKey.startsWith(prefix))?.[1] ?? null;
}

import { compare, type Exact, parseExact } from '../validate/exact-decimal.js';
import { CLAVES_UNIDAD } from './claves-unidad.js';
import { EXPORTACIONES } from './exportaciones.js';
import { FORMAS_PAGO } from './formas-pago.js';
import { IMPUESTOS } from './impuestos.js';
import { METODOS_PAGO } from './metodos-pago.js';
import { MONEDAS } from './monedas.js';
import { OBJETOS_IMPUESTO } from './objetos-impuesto.js';
import { REGIMENES_FISCALES } from './regimenes-fiscales.js';
import { REGLAS_TASA_CUOTA } from './reglas-tasa-cuota.js';
import { TIPOS_COMPROBANTE } from './tipos-comprobante.js';
import { TIPOS_FACTOR } from './tipos-factor.js';
import { TIPOS_RELACION } from './tipos-relacion.js';
import type { RegimenFiscal, UsoCfdi } from './types.js';
import { USOS_CFDI } from './usos-cfdi.js';

export type * from './types.js';
export {
  CLAVES_UNIDAD,
  EXPORTACIONES,
  FORMAS_PAGO,
  IMPUESTOS,
  METODOS_PAGO,
  MONEDAS,
  OBJETOS_IMPUESTO,
  REGIMENES_FISCALES,
  REGLAS_TASA_CUOTA,
  TIPOS_COMPROBANTE,
  TIPOS_FACTOR,
  TIPOS_RELACION,
  USOS_CFDI,
};

/** SAT catalog version these tables come from (catCFDI, via phpcfdi/resources-sat-catalogs). */
export const CATALOG_VERSION = '10.14.20260806';

function indexByKey<T extends { key: string }>(entries: readonly T[]): (key: string) => T | undefined {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  return (key) => byKey.get(key);
}

export const findRegimenFiscal = indexByKey(REGIMENES_FISCALES);
export const findUsoCfdi = indexByKey(USOS_CFDI);
export const findFormaPago = indexByKey(FORMAS_PAGO);
export const findMetodoPago = indexByKey(METODOS_PAGO);
export const findMoneda = indexByKey(MONEDAS);
export const findImpuesto = indexByKey(IMPUESTOS);
export const findTipoFactor = indexByKey(TIPOS_FACTOR);
export const findObjetoImpuesto = indexByKey(OBJETOS_IMPUESTO);
export const findExportacion = indexByKey(EXPORTACIONES);
export const findTipoRelacion = indexByKey(TIPOS_RELACION);
export const findTipoComprobante = indexByKey(TIPOS_COMPROBANTE);
export const findClaveUnidad = indexByKey(CLAVES_UNIDAD);

/** Whether a regime applies to this kind of taxpayer (c_RegimenFiscal's Física/Moral columns). */
export function regimenAppliesTo(regimen: RegimenFiscal, kind: 'moral' | 'fisica'): boolean {
  return kind === 'moral' ? regimen.personaMoral : regimen.personaFisica;
}

/** The usos CFDI a receptor with this regime and kind may use (c_UsoCFDI's compatibility column). */
export function usosCompatibles(regimenKey: string, kind: 'moral' | 'fisica'): UsoCfdi[] {
  return USOS_CFDI.filter(
    (uso) =>
      uso.regimenesReceptor.includes(regimenKey) && (kind === 'moral' ? uso.personaMoral : uso.personaFisica),
  );
}

/**
 * c_TasaOCuota: whether this impuesto key (001/002/003), factor and value are allowed as a
 * traslado or a retención — a fixed value, or inside a range.
 */
export function isTasaOCuotaAllowed(
  impuestoKey: string,
  factor: string,
  value: string,
  use: 'traslado' | 'retencion',
): boolean {
  const impuesto = findImpuesto(impuestoKey);
  if (!impuesto || !/^\d+(\.\d+)?$/.test(value)) return false;
  const amount = parseExact(value) as Exact;
  const variant = `${impuesto.name} `;
  return REGLAS_TASA_CUOTA.some((rule, index) => {
    // "IVA Crédito aplicado del 50%" is IVA (002) at the border-region 8 %.
    const sameImpuesto = rule.impuesto === impuesto.name || rule.impuesto.startsWith(variant);
    if (!sameImpuesto || rule.factor !== factor || !rule[use]) return false;
    const { valor, minimo } = RULE_VALUES[index] as { valor: Exact; minimo: Exact };
    if (rule.tipo === 'fijo') return compare(amount, valor) === 0;
    return compare(amount, minimo) >= 0 && compare(amount, valor) <= 0;
  });
}

// The rules' bounds as exact decimals, parsed once (SAT writes them as plain decimals, e.g. 0.160000).
const RULE_VALUES = REGLAS_TASA_CUOTA.map((rule) => ({
  valor: parseExact(rule.valor) as Exact,
  minimo: parseExact(rule.minimo ?? '0') as Exact,
}));

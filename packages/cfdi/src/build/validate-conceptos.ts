import { findClaveUnidad, findImpuesto, isTasaOCuotaAllowed } from '../catalogs/index.js';
import { refuse } from './errors.js';
import { readAmount, readOptionalText, readPattern, readText } from './read-fields.js';
import type { ConceptoInput, RetencionInput, TrasladoInput } from './types.js';

const CLAVE_PROD_SERV = /^\d{8}$/;
const RATE_TEXT = /^\d+(\.\d{1,6})?$/;

/** Checks the conceptos; amounts that depend on the computation (Descuento ≤ Importe) are checked there. */
export function readConceptos(conceptos: unknown, decimals: number): ConceptoInput[] {
  if (!Array.isArray(conceptos) || conceptos.length === 0)
    refuse('conceptos', 'El comprobante debe tener al menos un concepto (conceptos).');
  return conceptos.map((concepto: ConceptoInput, index) => readConcepto(concepto, index, decimals));
}

function readConcepto(concepto: ConceptoInput, index: number, decimals: number): ConceptoInput {
  const field = `conceptos[${index}]`;
  const number = index + 1;
  if (typeof concepto !== 'object' || concepto === null)
    refuse(field, `Faltan los datos del concepto ${number} (${field}).`);
  const checked: ConceptoInput = {
    claveProdServ: readPattern(
      concepto.claveProdServ,
      `${field}.claveProdServ`,
      `La clave de producto o servicio del concepto ${number}`,
      CLAVE_PROD_SERV,
      'una clave de 8 dígitos del catálogo c_ClaveProdServ',
    ),
    noIdentificacion: readOptionalText(
      concepto.noIdentificacion,
      `${field}.noIdentificacion`,
      `El número de identificación del concepto ${number}`,
      100,
    ),
    cantidad: readAmount(
      concepto.cantidad,
      `${field}.cantidad`,
      `La cantidad del concepto ${number}`,
      6,
      true,
    ),
    claveUnidad: readClaveUnidad(concepto.claveUnidad, `${field}.claveUnidad`, number),
    unidad: readOptionalText(concepto.unidad, `${field}.unidad`, `La unidad del concepto ${number}`, 20),
    descripcion: readText(
      concepto.descripcion,
      `${field}.descripcion`,
      `La descripción del concepto ${number}`,
      1000,
    ),
    valorUnitario: readAmount(
      concepto.valorUnitario,
      `${field}.valorUnitario`,
      `El valor unitario del concepto ${number}`,
      6,
      true,
    ),
    // Held to the currency's decimals so the tax Base (Importe − Descuento) is an exact currency amount.
    descuento:
      concepto.descuento === undefined
        ? undefined
        : readAmount(
            concepto.descuento,
            `${field}.descuento`,
            `El descuento del concepto ${number}`,
            decimals,
            false,
          ),
    objetoImp: concepto.objetoImp,
    traslados: (concepto.traslados ?? []).map((tax, taxIndex) =>
      readTraslado(tax, `${field}.traslados[${taxIndex}]`, number),
    ),
    retenciones: (concepto.retenciones ?? []).map((tax, taxIndex) =>
      readRetencion(tax, `${field}.retenciones[${taxIndex}]`, number),
    ),
  };
  checkObjetoImp(checked, field, number);
  return checked;
}

function readClaveUnidad(value: unknown, field: string, number: number): string {
  if (typeof value !== 'string' || !findClaveUnidad(value))
    refuse(
      field,
      `La clave de unidad del concepto ${number} (${field}) "${String(value)}" no existe en el catálogo c_ClaveUnidad del SAT.`,
    );
  return value;
}

function checkObjetoImp(concepto: ConceptoInput, field: string, number: number): void {
  const traslados = concepto.traslados ?? [];
  const retenciones = concepto.retenciones ?? [];
  const taxes = traslados.length + retenciones.length;
  if (concepto.objetoImp === '01') {
    if (taxes > 0)
      refuse(
        `${field}.objetoImp`,
        `El concepto ${number} no es objeto de impuesto (${field}.objetoImp "01") y no puede llevar traslados ni retenciones.`,
      );
    return;
  }
  if (concepto.objetoImp !== '02')
    refuse(
      `${field}.objetoImp`,
      `El objeto de impuesto del concepto ${number} (${field}.objetoImp) debe ser "01" (no objeto) o "02" (sí objeto).`,
    );
  if (taxes === 0)
    refuse(
      `${field}.objetoImp`,
      `El concepto ${number} es objeto de impuesto (${field}.objetoImp "02"): indica al menos un traslado o una retención.`,
    );
  // The same tax twice would be counted twice; IVA's base would also have to include the IEPS, which this builder does not compute.
  const seen = new Set<string>();
  for (const [list, kind] of [
    [traslados, 'traslado'],
    [retenciones, 'retención'],
  ] as const) {
    for (const tax of list) {
      const key = `${kind}|${tax.impuesto}`;
      if (seen.has(key))
        refuse(
          `${field}.${kind === 'traslado' ? 'traslados' : 'retenciones'}`,
          `El concepto ${number} repite el impuesto ${tax.impuesto} como ${kind}.`,
        );
      seen.add(key);
    }
  }
  if (seen.has('traslado|002') && seen.has('traslado|003'))
    refuse(
      `${field}.traslados`,
      `El concepto ${number} traslada IVA e IEPS a la vez: la base del IVA incluiría el IEPS y este generador aún no lo calcula.`,
    );
}

function readTaxHead(
  tax: { impuesto?: unknown; tipoFactor?: unknown },
  field: string,
  number: number,
  use: 'traslado' | 'retencion',
) {
  const impuesto = typeof tax?.impuesto === 'string' ? findImpuesto(tax.impuesto) : undefined;
  const what = use === 'traslado' ? 'traslado' : 'retención';
  if (!impuesto)
    refuse(
      `${field}.impuesto`,
      `El impuesto del ${what} del concepto ${number} (${field}.impuesto) "${String(tax?.impuesto)}" no existe en c_Impuesto (001 ISR, 002 IVA, 003 IEPS).`,
    );
  if (!impuesto[use])
    refuse(
      `${field}.impuesto`,
      `El ${impuesto.name} (${field}.impuesto) no puede declararse como ${what} en el concepto ${number}.`,
    );
  if (tax.tipoFactor === 'Cuota')
    refuse(
      `${field}.tipoFactor`,
      `El tipo factor Cuota (${field}.tipoFactor) del concepto ${number} aún no está soportado: su base son unidades, no el importe.`,
    );
  return impuesto;
}

function readRate(
  value: unknown,
  field: string,
  label: string,
  impuesto: string,
  factor: string,
  use: 'traslado' | 'retencion',
): string {
  if (typeof value !== 'string' || !RATE_TEXT.test(value))
    refuse(field, `${label} (${field}) debe ser un decimal de hasta 6 decimales, p. ej. "0.160000".`);
  if (!isTasaOCuotaAllowed(impuesto, factor, value, use))
    refuse(
      field,
      `${label} (${field}) ${value} no está permitida en el catálogo c_TasaOCuota para este impuesto.`,
    );
  return value;
}

function readTraslado(tax: TrasladoInput, field: string, number: number): TrasladoInput {
  const impuesto = readTaxHead(tax, field, number, 'traslado');
  if (tax.tipoFactor === 'Exento') {
    if (tax.tasaOCuota !== undefined)
      refuse(
        `${field}.tasaOCuota`,
        `Un traslado exento del concepto ${number} (${field}.tasaOCuota) no lleva tasa o cuota.`,
      );
    return { impuesto: tax.impuesto, tipoFactor: 'Exento' };
  }
  if (tax.tipoFactor !== 'Tasa')
    refuse(
      `${field}.tipoFactor`,
      `El tipo factor del traslado del concepto ${number} (${field}.tipoFactor) debe ser "Tasa" o "Exento".`,
    );
  const label = `La tasa del traslado de ${impuesto.name} del concepto ${number}`;
  return {
    impuesto: tax.impuesto,
    tipoFactor: 'Tasa',
    tasaOCuota: readRate(tax.tasaOCuota, `${field}.tasaOCuota`, label, impuesto.key, 'Tasa', 'traslado'),
  };
}

function readRetencion(tax: RetencionInput, field: string, number: number): RetencionInput {
  const impuesto = readTaxHead(tax, field, number, 'retencion');
  if (tax.tipoFactor !== 'Tasa')
    refuse(
      `${field}.tipoFactor`,
      `El tipo factor de la retención del concepto ${number} (${field}.tipoFactor) debe ser "Tasa".`,
    );
  const label = `La tasa de la retención de ${impuesto.name} del concepto ${number}`;
  return {
    impuesto: tax.impuesto,
    tipoFactor: 'Tasa',
    tasaOCuota: readRate(tax.tasaOCuota, `${field}.tasaOCuota`, label, impuesto.key, 'Tasa', 'retencion'),
  };
}

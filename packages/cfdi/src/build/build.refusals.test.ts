import { describe, expect, it } from 'vitest';
import { buildCfdi40 } from './build.js';
import { CfdiBuildError } from './errors.js';
import { facturaGlobalInput, ingresoInput, notaDeCreditoInput } from './sample-inputs.test-support.js';
import type { CfdiInput, ConceptoInput } from './types.js';

/** The ingreso with its first concepto changed (values typed loosely: callers may be plain JS). */
function withConcepto(change: Record<string, unknown>, index = 0): CfdiInput {
  const input = ingresoInput();
  const conceptos = input.conceptos.map((concepto, position) =>
    position === index ? ({ ...concepto, ...change } as ConceptoInput) : concepto,
  );
  return { ...input, conceptos };
}

function refusalOf(input: CfdiInput): CfdiBuildError {
  try {
    buildCfdi40(input);
  } catch (error) {
    if (error instanceof CfdiBuildError) return error;
    throw error;
  }
  throw new Error('buildCfdi40 accepted the input');
}

const cases: [string, () => CfdiInput, string, RegExp][] = [
  [
    'a negative valor unitario',
    () => withConcepto({ valorUnitario: '-5.00' }),
    'conceptos[0].valorUnitario',
    /^El valor unitario del concepto 1 .*no puede ser negativo/,
  ],
  [
    'a malformed cantidad',
    () => withConcepto({ cantidad: '1,5' }),
    'conceptos[0].cantidad',
    /^La cantidad del concepto 1 .*no es un decimal válido/,
  ],
  [
    'a JS number as amount',
    () => withConcepto({ valorUnitario: 100 }),
    'conceptos[0].valorUnitario',
    /^El valor unitario del concepto 1 .*no un número de JavaScript/,
  ],
  [
    'a zero cantidad',
    () => withConcepto({ cantidad: '0.000000' }),
    'conceptos[0].cantidad',
    /^La cantidad del concepto 1 .*mayor que cero/,
  ],
  [
    'a cantidad with 7 decimals',
    () => withConcepto({ cantidad: '1.0000001' }),
    'conceptos[0].cantidad',
    /a lo más 6 decimales/,
  ],
  [
    'a descuento with more decimals than MXN',
    () => withConcepto({ descuento: '1.005' }),
    'conceptos[0].descuento',
    /^El descuento del concepto 1 .*a lo más 2 decimales/,
  ],
  [
    'a descuento above the importe',
    () => withConcepto({ descuento: '25000.01' }),
    'conceptos[0].descuento',
    /^El descuento del concepto 1 .*mayor que su importe 25000.00/,
  ],
  [
    'an unknown clave de unidad',
    () => withConcepto({ claveUnidad: 'NOPE1' }),
    'conceptos[0].claveUnidad',
    /^La clave de unidad del concepto 1 .*c_ClaveUnidad/,
  ],
  [
    'a ClaveProdServ that is not 8 digits',
    () => withConcepto({ claveProdServ: '4321' }),
    'conceptos[0].claveProdServ',
    /^La clave de producto o servicio del concepto 1/,
  ],
  [
    'a rate outside c_TasaOCuota',
    () => withConcepto({ traslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.15' }] }),
    'conceptos[0].traslados[0].tasaOCuota',
    /^La tasa del traslado de IVA del concepto 1 .*c_TasaOCuota/,
  ],
  [
    'an exento traslado with a rate',
    () => withConcepto({ traslados: [{ impuesto: '002', tipoFactor: 'Exento', tasaOCuota: '0.16' }] }),
    'conceptos[0].traslados[0].tasaOCuota',
    /^Un traslado exento del concepto 1/,
  ],
  [
    'ISR as a traslado',
    () => withConcepto({ traslados: [{ impuesto: '001', tipoFactor: 'Tasa', tasaOCuota: '0.10' }] }),
    'conceptos[0].traslados[0].impuesto',
    /ISR .*no puede declararse como traslado/,
  ],
  [
    'a Cuota factor',
    () => withConcepto({ traslados: [{ impuesto: '003', tipoFactor: 'Cuota', tasaOCuota: '1.5' }] }),
    'conceptos[0].traslados[0].tipoFactor',
    /Cuota .*aún no está soportado/,
  ],
  [
    'objeto de impuesto 02 without taxes',
    () => withConcepto({ traslados: [] }),
    'conceptos[0].objetoImp',
    /es objeto de impuesto .*al menos un traslado/,
  ],
  [
    'objeto de impuesto 01 with taxes',
    () => withConcepto({ objetoImp: '01' }),
    'conceptos[0].objetoImp',
    /no es objeto de impuesto .*no puede llevar traslados/,
  ],
  [
    'a fully discounted concepto with taxes',
    () => withConcepto({ descuento: '25000.00' }),
    'conceptos[0].objetoImp',
    /base de impuestos del concepto 1 .*es cero/,
  ],
  [
    'a "|" in the descripción',
    () => withConcepto({ descripcion: 'Uno | dos' }),
    'conceptos[0].descripcion',
    /^La descripción del concepto 1 .*"\|"/,
  ],
  [
    'a control character in the descripción',
    () => withConcepto({ descripcion: 'Uno\u0001dos' }),
    'conceptos[0].descripcion',
    /^La descripción del concepto 1 .*caracteres de control/,
  ],
  ['no conceptos', () => ({ ...ingresoInput(), conceptos: [] }), 'conceptos', /al menos un concepto/],
  [
    'a Fecha with a time zone',
    () => ({ ...ingresoInput(), fecha: '2025-06-15T12:00:00Z' }),
    'fecha',
    /^La fecha de emisión .*AAAA-MM-DDThh:mm:ss/,
  ],
  [
    'a Fecha that does not exist',
    () => ({ ...ingresoInput(), fecha: '2025-02-30T12:00:00' }),
    'fecha',
    /^La fecha de emisión .*no existe/,
  ],
  [
    'an unknown forma de pago',
    () => ({ ...ingresoInput(), formaPago: '77' }),
    'formaPago',
    /^La forma de pago .*c_FormaPago/,
  ],
  [
    'PPD with a known forma de pago',
    () => ({ ...ingresoInput(), metodoPago: 'PPD' }),
    'formaPago',
    /PPD .*"99"/,
  ],
  ['an unknown moneda', () => ({ ...ingresoInput(), moneda: 'ABC' }), 'moneda', /^La moneda .*c_Moneda/],
  [
    'USD without tipo de cambio',
    () => ({ ...ingresoInput(), moneda: 'USD' }),
    'tipoCambio',
    /^El tipo de cambio .*obligatorio para la moneda USD/,
  ],
  [
    'MXN with a tipo de cambio other than 1',
    () => ({ ...ingresoInput(), tipoCambio: '17.5' }),
    'tipoCambio',
    /pesos mexicanos debe omitirse o ser "1"/,
  ],
  [
    'a malformed lugar de expedición',
    () => ({ ...ingresoInput(), lugarExpedicion: '8600' }),
    'lugarExpedicion',
    /^El lugar de expedición .*5 dígitos/,
  ],
  [
    'an invalid receptor RFC',
    () => ({ ...ingresoInput(), receptor: { ...ingresoInput().receptor, rfc: 'ABC123' } }),
    'receptor.rfc',
    /^El RFC del receptor .*no es válido/,
  ],
  [
    'an unknown régimen del receptor',
    () => ({ ...ingresoInput(), receptor: { ...ingresoInput().receptor, regimenFiscalReceptor: '999' } }),
    'receptor.regimenFiscalReceptor',
    /^El régimen fiscal del receptor .*c_RegimenFiscal/,
  ],
  [
    'a persona física régimen for a persona moral',
    () => ({ ...ingresoInput(), emisor: { ...ingresoInput().emisor, regimenFiscal: '612' } }),
    'emisor.regimenFiscal',
    /^El régimen fiscal del emisor .*no aplica a una persona moral/,
  ],
  [
    'an uso CFDI incompatible with the régimen',
    () => ({ ...ingresoInput(), receptor: { ...ingresoInput().receptor, usoCfdi: 'D01' } }),
    'receptor.usoCfdi',
    /^El uso del CFDI .*D01 no es compatible con el régimen fiscal del receptor 603/,
  ],
  [
    'an unknown tipo de relación',
    () => ({
      ...notaDeCreditoInput(),
      cfdiRelacionados: [{ tipoRelacion: '99', uuids: ['6F35D3B5-3651-5370-BC2C-14CDBE384CD7'] }],
    }),
    'cfdiRelacionados[0].tipoRelacion',
    /^El tipo de relación .*c_TipoRelacion/,
  ],
  [
    'a malformed related UUID',
    () => ({ ...notaDeCreditoInput(), cfdiRelacionados: [{ tipoRelacion: '01', uuids: ['no-es-uuid'] }] }),
    'cfdiRelacionados[0].uuids[0]',
    /^El folio fiscal \(UUID\) relacionado/,
  ],
  [
    'PUBLICO EN GENERAL without información global',
    () => ({ ...facturaGlobalInput(), informacionGlobal: undefined }),
    'informacionGlobal',
    /factura global: falta la información global/,
  ],
  [
    'información global for a named receptor',
    () => ({ ...ingresoInput(), informacionGlobal: { periodicidad: '04', meses: '06', año: '2025' } }),
    'receptor.rfc',
    /factura global .*XAXX010101000/,
  ],
  [
    'a bimestre with monthly periodicidad',
    () => ({ ...facturaGlobalInput(), informacionGlobal: { periodicidad: '04', meses: '13', año: '2025' } }),
    'informacionGlobal.meses',
    /^Los meses .*01 a 12/,
  ],
  [
    'a global año two years back',
    () => ({ ...facturaGlobalInput(), informacionGlobal: { periodicidad: '04', meses: '06', año: '2023' } }),
    'informacionGlobal.año',
    /^El año .*2025/,
  ],
  [
    'a generic receptor with another domicilio',
    () => ({
      ...facturaGlobalInput(),
      receptor: { ...facturaGlobalInput().receptor, domicilioFiscalReceptor: '01000' },
    }),
    'receptor.domicilioFiscalReceptor',
    /^Con el RFC genérico XAXX010101000 el domicilio fiscal del receptor .*86000/,
  ],
  [
    'a foreign receptor',
    () => ({
      ...facturaGlobalInput(),
      informacionGlobal: undefined,
      receptor: { ...facturaGlobalInput().receptor, rfc: 'XEXX010101000', nombre: 'ACME INC' },
    }),
    'receptor.rfc',
    /residentes en el extranjero/,
  ],
];

describe('buildCfdi40 refusals', () => {
  it.each(cases)('refuses %s, naming the field in Spanish', (_name, input, field, message) => {
    const refusal = refusalOf(input());
    expect(refusal.field).toBe(field);
    expect(refusal.message).toMatch(message);
    expect(refusal.message).toContain(field);
  });
});

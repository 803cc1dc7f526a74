// Test support: typical inputs for the builder's tests, issued by SAT's test CSD (EKU9003173C9).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Csd, loadCsd } from '../seal/sign.js';
import type { CfdiInput } from './types.js';

const CSD_DIRECTORY = fileURLToPath(new URL('../../../../../shared/fixtures/csd/', import.meta.url));

/** Inside the test certificate's validity (2023-05-18 to 2027-05-18). */
export const SEAL_NOW = new Date('2025-06-15T18:00:00Z');

/** SAT's public test CSD for EKU9003173C9 ("ESCUELA KEMPER URGATE"). */
export function loadTestCsd(): Csd {
  const read = (name: string) => readFileSync(path.join(CSD_DIRECTORY, name));
  return loadCsd({
    cer: read('EKU9003173C9.cer'),
    key: read('EKU9003173C9.key'),
    password: read('EKU9003173C9.password.txt').toString('utf8'),
    now: SEAL_NOW,
  });
}

const EMISOR = { rfc: 'EKU9003173C9', nombre: 'ESCUELA KEMPER URGATE', regimenFiscal: '601' };
const RECEPTOR = {
  rfc: 'MCI7306249Y1',
  nombre: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
  domicilioFiscalReceptor: '54700',
  regimenFiscalReceptor: '603',
  usoCfdi: 'G03',
};
const IVA16 = { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000' } as const;

/** Ingreso: two conceptos with IVA 16 %, the second with a descuento. */
export function ingresoInput(): CfdiInput {
  return {
    serie: 'A',
    folio: '1001',
    fecha: '2025-06-15T12:00:00',
    tipoDeComprobante: 'I',
    formaPago: '03',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    emisor: EMISOR,
    receptor: RECEPTOR,
    conceptos: [
      {
        claveProdServ: '43211503',
        noIdentificacion: 'LAP-01',
        cantidad: '2',
        claveUnidad: 'H87',
        unidad: 'Pieza',
        descripcion: 'Computadora portátil 14" & cargador <USB-C>',
        valorUnitario: '12500.00',
        objetoImp: '02',
        traslados: [IVA16],
      },
      {
        claveProdServ: '81112501',
        cantidad: '3.5',
        claveUnidad: 'E48',
        descripcion: 'Soporte técnico por hora',
        valorUnitario: '450.333333',
        descuento: '100.50',
        objetoImp: '02',
        traslados: [IVA16],
      },
    ],
  };
}

/** Egreso: nota de crédito (TipoRelacion 01) over an ingreso's UUID, UsoCFDI G02. */
export function notaDeCreditoInput(): CfdiInput {
  return {
    serie: 'NC',
    folio: '17',
    fecha: '2025-06-15T12:00:00',
    tipoDeComprobante: 'E',
    formaPago: '03',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    cfdiRelacionados: [{ tipoRelacion: '01', uuids: ['6F35D3B5-3651-5370-BC2C-14CDBE384CD7'] }],
    emisor: EMISOR,
    receptor: { ...RECEPTOR, usoCfdi: 'G02' },
    conceptos: [
      {
        claveProdServ: '84111506',
        cantidad: '1',
        claveUnidad: 'ACT',
        descripcion: 'Bonificación por pronto pago sobre la factura relacionada',
        valorUnitario: '500.00',
        objetoImp: '02',
        traslados: [IVA16],
      },
    ],
  };
}

/** Factura global of June 2025 to PUBLICO EN GENERAL: IVA 16 %, IVA exento and a no-objeto concepto. */
export function facturaGlobalInput(): CfdiInput {
  const venta = { claveProdServ: '01010101', cantidad: '1', claveUnidad: 'ACT' } as const;
  return {
    fecha: '2025-06-30T20:00:00',
    tipoDeComprobante: 'I',
    formaPago: '01',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    informacionGlobal: { periodicidad: '04', meses: '06', año: '2025' },
    emisor: EMISOR,
    receptor: {
      rfc: 'XAXX010101000',
      nombre: 'PUBLICO EN GENERAL',
      domicilioFiscalReceptor: '86000',
      regimenFiscalReceptor: '616',
      usoCfdi: 'S01',
    },
    conceptos: [
      {
        ...venta,
        noIdentificacion: 'T-101',
        descripcion: 'Venta',
        valorUnitario: '862.07',
        objetoImp: '02',
        traslados: [IVA16],
      },
      {
        ...venta,
        noIdentificacion: 'T-102',
        descripcion: 'Venta',
        valorUnitario: '240.00',
        objetoImp: '02',
        traslados: [{ impuesto: '002', tipoFactor: 'Exento' }],
      },
      { ...venta, noIdentificacion: 'T-103', descripcion: 'Venta', valorUnitario: '55.10', objetoImp: '01' },
    ],
  };
}

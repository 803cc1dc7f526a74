import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndSealCfdi40, type CfdiInput, type Csd, loadCsd } from '@cajachica/cfdi';

// Test support: received CFDIs as a supplier would send them — built and sealed by SAT's public
// test CSD (EKU9003173C9) and stamped with a TimbreFiscalDigital 1.1 (a test PAC's stamp).

const CSD_DIRECTORY = fileURLToPath(new URL('../../../../../shared/fixtures/csd/', import.meta.url));
/** Inside the test certificate's validity (2023-05-18 to 2027-05-18). */
const SEAL_AT = new Date('2026-06-15T18:00:00Z');

let csd: Csd | undefined;
function testCsd(): Csd {
  const read = (name: string) => readFileSync(path.join(CSD_DIRECTORY, name));
  csd ??= loadCsd({
    cer: read('EKU9003173C9.cer'),
    key: read('EKU9003173C9.key'),
    password: read('EKU9003173C9.password.txt').toString('utf8').trim(),
    now: SEAL_AT,
  });
  return csd;
}

/** The organization these CFDIs are addressed to (set it as the organization's fiscal data). */
export const TEST_RECEIVER = {
  rfc: 'MCI7306249Y1',
  legalName: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
  taxRegime: '603',
  postalCode: '54700',
  cfdiUse: 'G03',
  invoiceEmail: 'facturas@izcalli.example.mx',
};

export interface ReceivedCfdiOptions {
  /** Unit price before IVA 16 % (one concepto, cantidad 1). */
  valorUnitario?: string;
  receiverRfc?: string;
  receiverName?: string;
  formaPago?: string;
  usoCfdi?: string;
  fecha?: string;
  claveProdServ?: string;
  descripcion?: string;
  moneda?: string;
  tipoCambio?: string;
  tipoDeComprobante?: 'I' | 'E';
  stamped?: boolean;
  uuid?: string;
}

/** A received CFDI 4.0 (sealed, and stamped unless told otherwise); returns its XML and UUID. */
export function receivedCfdi(options: ReceivedCfdiOptions = {}): { xml: string; uuid: string } {
  const input: CfdiInput = {
    serie: 'F',
    folio: String(Math.floor(Math.random() * 1e6)),
    fecha: options.fecha ?? '2026-06-15T12:00:00',
    tipoDeComprobante: options.tipoDeComprobante ?? 'I',
    formaPago: options.formaPago ?? '04',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    ...(options.moneda ? { moneda: options.moneda, tipoCambio: options.tipoCambio } : {}),
    emisor: { rfc: 'EKU9003173C9', nombre: 'ESCUELA KEMPER URGATE', regimenFiscal: '601' },
    receptor: {
      rfc: options.receiverRfc ?? TEST_RECEIVER.rfc,
      nombre: options.receiverName ?? TEST_RECEIVER.legalName,
      domicilioFiscalReceptor: TEST_RECEIVER.postalCode,
      regimenFiscalReceptor: TEST_RECEIVER.taxRegime,
      usoCfdi: options.usoCfdi ?? 'G03',
    },
    conceptos: [
      {
        claveProdServ: options.claveProdServ ?? '44121618',
        cantidad: '1',
        claveUnidad: 'H87',
        descripcion: options.descripcion ?? 'Tijeras de oficina',
        valorUnitario: options.valorUnitario ?? '100.00',
        objetoImp: '02',
        traslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000' }],
      },
    ],
  } as CfdiInput;
  const sealed = buildAndSealCfdi40(input, testCsd(), SEAL_AT);
  const uuid = (options.uuid ?? randomUUID()).toUpperCase();
  if (options.stamped === false) return { xml: sealed, uuid };
  return { xml: stamp(sealed, uuid), uuid };
}

/** Adds a TimbreFiscalDigital 1.1 as a PAC does (SelloCFD = the CFDI's Sello). */
function stamp(xml: string, uuid: string): string {
  const sello = /\sSello="([^"]+)"/.exec(xml)?.[1];
  if (!sello) throw new Error('not sealed');
  const tfd =
    '<cfdi:Complemento><tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital"' +
    ' xsi:schemaLocation="http://www.sat.gob.mx/TimbreFiscalDigital http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd"' +
    ` Version="1.1" UUID="${uuid}" FechaTimbrado="2026-06-15T12:00:05" RfcProvCertif="SPR190613I52"` +
    ` SelloCFD="${sello}" NoCertificadoSAT="30001000000500003456" SelloSAT="${randomBytes(256).toString('base64')}"/></cfdi:Complemento>`;
  return xml.replace('</cfdi:Comprobante>', `${tfd}</cfdi:Comprobante>`);
}

import type { CfdiInput } from '@cajachica/cfdi';
import { expect } from 'vitest';
import { type CancelRequest, PacError } from '../../src/modules/invoicing/pac.js';

// Sample CFDI data for the PAC clients' tests: SAT's test issuer invoices a test receiver.

export const IVA16 = { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000' } as const;
export const EMISOR = { rfc: 'EKU9003173C9', nombre: 'ESCUELA KEMPER URGATE', regimenFiscal: '601' };
export const RECEPTOR = {
  rfc: 'MCI7306249Y1',
  nombre: 'MUNICIPIO DE CUAUTITLAN IZCALLI',
  domicilioFiscalReceptor: '54700',
  regimenFiscalReceptor: '603',
  usoCfdi: 'G03',
};

type Concepto = CfdiInput['conceptos'][number];

/** A subscription paid by card (PUE, forma 04) from EMISOR to RECEPTOR: one service with IVA 16 %. */
export function subscriptionIngreso(
  folio: string,
  concepto: Partial<Concepto> & Pick<Concepto, 'valorUnitario'>,
): CfdiInput {
  return {
    serie: 'CC',
    folio,
    fecha: '2026-06-15T12:00:00',
    tipoDeComprobante: 'I',
    formaPago: '04',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    emisor: EMISOR,
    receptor: RECEPTOR,
    conceptos: [
      {
        claveProdServ: '81112106',
        cantidad: '1',
        claveUnidad: 'E48',
        descripcion: 'Suscripción CajaChica, plan Equipo (junio)',
        objetoImp: '02',
        traslados: [IVA16],
        ...concepto,
      },
    ],
  };
}

/** The PacError a PAC call is rejected with (fails the test if it is not one). */
export async function pacError(promise: Promise<unknown>): Promise<PacError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PacError);
  return error as PacError;
}

/** A cancellation asked days after stamping: past the next business day, so the rules apply. */
export const STAMPED_AT = new Date('2026-01-05T18:00:00Z');
export const LATE = new Date('2026-01-09T18:00:00Z');

/** The cancellation of an ingreso from EMISOR to RECEPTOR stamped at STAMPED_AT and asked LATE. */
export function lateCancel(
  request: Pick<CancelRequest, 'uuid' | 'total' | 'motive'> &
    Partial<Pick<CancelRequest, 'pacDocumentId' | 'replacementUuid'>>,
): CancelRequest {
  return {
    pacDocumentId: null,
    issuerRfc: EMISOR.rfc,
    tipoDeComprobante: 'I',
    stampedAt: STAMPED_AT,
    requestedAt: LATE,
    receiverRfc: RECEPTOR.rfc,
    replacementUuid: null,
    ...request,
  };
}

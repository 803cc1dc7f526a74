import type { CfdiInput } from '@cajachica/cfdi';
import type { CardFunding, PaymentMethod } from '../subscriptions/subscriptions.schema.js';
import type { InvoiceReceptor } from './invoicing.schema.js';
import type { Issuer } from './issuer.js';

/** SAT's generic RFC of sales to the general public (factura global and its notas de crédito). */
export const PUBLICO_EN_GENERAL_RFC = 'XAXX010101000';

/** The general public as receptor (Anexo 20): régimen 616, uso S01, the issuer's postal code. */
export const publicoEnGeneral = (postalCode: string): InvoiceReceptor => ({
  rfc: PUBLICO_EN_GENERAL_RFC,
  name: 'PUBLICO EN GENERAL',
  taxRegime: '616',
  postalCode,
  cfdiUse: 'S01',
  email: null,
});

/**
 * c_FormaPago of a payment (BILLING.md): cash at OXXO 01, SPEI 03, a credit card 04, a debit or
 * prepaid card 28. A card whose funding the provider did not say is taken as credit.
 */
export function formaPagoOf(method: PaymentMethod, cardFunding: CardFunding | null): string {
  if (method === 'oxxo') return '01';
  if (method === 'spei') return '03';
  return cardFunding === 'debit' || cardFunding === 'prepaid' ? '28' : '04';
}

export interface InvoiceToBuild {
  kind: 'ingreso' | 'egreso';
  serie: string;
  folio: number;
  /** Pesos before IVA. */
  subtotal: string;
  formaPago: string;
  receptor: InvoiceReceptor;
  /** The CFDI it relates to: an egreso's ingreso (01), or the one a replacement substitutes (04). */
  relatedUuid: string | null;
  relationType: '01' | '04' | null;
  /** YYYY-MM of the factura global a nota de crédito to the general public relates to. */
  globalPeriod: string | null;
  description: string;
}

/** Nota de crédito's concepto (SAT's guide: a service of invoicing, unit "actividad"). */
const EGRESO_PRODUCT_KEY = '84111506';
const EGRESO_UNIT_KEY = 'ACT';

/**
 * The CFDI 4.0 the platform issues (BILLING.md §CFDI): an ingreso PUE with one concepto (the
 * subscription, IVA 16 % trasladado), or its egreso (nota de crédito) related 01 to the ingreso,
 * UsoCFDI G02, FormaPago as the money went back. Amounts as decimal strings; the builder computes
 * importes and taxes to the cent.
 */
export function cfdiOfInvoice(
  invoice: InvoiceToBuild,
  context: { issuer: Issuer; fecha: string; productKey: string; unitKey: string; ivaRate: string },
): CfdiInput {
  const isEgreso = invoice.kind === 'egreso';
  return {
    serie: invoice.serie,
    folio: String(invoice.folio),
    fecha: context.fecha,
    tipoDeComprobante: isEgreso ? 'E' : 'I',
    formaPago: invoice.formaPago,
    metodoPago: 'PUE',
    moneda: 'MXN',
    exportacion: '01',
    lugarExpedicion: context.issuer.postalCode,
    // To the general public, SAT asks for the period the factura global covered.
    ...(invoice.globalPeriod
      ? {
          informacionGlobal: {
            periodicidad: '04',
            meses: invoice.globalPeriod.slice(5, 7),
            año: invoice.globalPeriod.slice(0, 4),
          },
        }
      : {}),
    ...(invoice.relatedUuid && invoice.relationType
      ? { cfdiRelacionados: [{ tipoRelacion: invoice.relationType, uuids: [invoice.relatedUuid] }] }
      : {}),
    emisor: { rfc: context.issuer.rfc, nombre: context.issuer.name, regimenFiscal: context.issuer.regime },
    receptor: {
      rfc: invoice.receptor.rfc,
      nombre: invoice.receptor.name,
      domicilioFiscalReceptor: invoice.receptor.postalCode,
      regimenFiscalReceptor: invoice.receptor.taxRegime,
      // A nota de crédito is G02 ("devoluciones"), but the general public's only use is S01.
      usoCfdi: isEgreso && invoice.receptor.rfc !== PUBLICO_EN_GENERAL_RFC ? 'G02' : invoice.receptor.cfdiUse,
    },
    conceptos: [
      {
        claveProdServ: isEgreso ? EGRESO_PRODUCT_KEY : context.productKey,
        cantidad: '1',
        claveUnidad: isEgreso ? EGRESO_UNIT_KEY : context.unitKey,
        unidad: isEgreso ? 'Actividad' : 'Servicio',
        descripcion: invoice.description,
        valorUnitario: invoice.subtotal,
        objetoImp: '02',
        traslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: context.ivaRate }],
      },
    ],
  };
}

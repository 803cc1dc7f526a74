import {
  buildTfdCadena,
  buildVerificationUrl,
  type Cfdi,
  findExportacion,
  findFormaPago,
  findMetodoPago,
  findMoneda,
  findObjetoImpuesto,
  findRegimenFiscal,
  findTimbres,
  findTipoComprobante,
  findTipoRelacion,
  findUsoCfdi,
  parseCfdi,
  type TimbreFiscalDigital,
} from '@cajachica/cfdi';
import { amountInWords } from './amount-in-words.js';
import { described, findMes, findPeriodicidad, shown } from './invoice-text.js';
import { type Field, type PrintedConcepto, printedConceptos, printedTotals } from './printed-lines.js';

export type { Field, PrintedConcepto };

// What the printed representation of a stamped CFDI 4.0 shows (Anexo 20 and art. 29 CFF), read
// from the XML alone and already written as text, so drawing the PDF makes no decisions.

export interface PrintedTimbre {
  uuid: string;
  fechaTimbrado: string;
  rfcProvCertif: string;
  noCertificadoSat: string;
  selloSat: string;
  /** Cadena original del complemento de certificación digital del SAT: "||1.1|UUID|…||". */
  cadena: string;
}

export interface PrintedInvoice {
  /** "Factura" for an ingreso, "Nota de crédito" for an egreso. */
  title: string;
  serieFolio: string;
  emisor: Field[];
  emisorNombre: string;
  receptor: Field[];
  comprobante: Field[];
  informacionGlobal: Field[] | null;
  relacionados: { tipoRelacion: string; uuids: string[] }[];
  conceptos: PrintedConcepto[];
  /** The ObjetoImp keys the conceptos use, described once under the table ("02 - Sí objeto de impuesto."). */
  objetosImpuesto: string[];
  /** Subtotal, descuento, each tax and the total (the last one). */
  totals: Field[];
  totalInWords: string;
  noCertificadoEmisor: string;
  selloEmisor: string;
  timbre: PrintedTimbre;
  /** SAT's verification URL, the content of the QR code. */
  verificationUrl: string;
}

const TITLES: Readonly<Record<string, string>> = { I: 'Factura', E: 'Nota de crédito' };

function required(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '')
    throw new Error(`El TimbreFiscalDigital del CFDI no trae ${what}: no se puede imprimir.`);
  return value;
}

function comprobanteFields(cfdi: Cfdi): Field[] {
  const c = cfdi.comprobante;
  const fields: Field[] = [
    { label: 'Fecha de emisión', value: shown(c.fecha) },
    { label: 'Lugar de expedición', value: shown(c.lugarExpedicion) },
    { label: 'Tipo de comprobante', value: described(c.tipoDeComprobante, findTipoComprobante) },
    { label: 'Exportación', value: described(c.exportacion, findExportacion) },
    { label: 'Moneda', value: described(c.moneda, findMoneda) },
  ];
  if (c.tipoCambio !== undefined) fields.push({ label: 'Tipo de cambio', value: c.tipoCambio });
  fields.push(
    { label: 'Forma de pago', value: described(c.formaPago, findFormaPago) },
    { label: 'Método de pago', value: described(c.metodoPago, findMetodoPago) },
  );
  if (c.condicionesDePago) fields.push({ label: 'Condiciones de pago', value: c.condicionesDePago });
  return fields;
}

function timbreOf(cfdi: Cfdi): PrintedTimbre {
  const tfd: TimbreFiscalDigital | null = cfdi.timbreFiscalDigital;
  const [element] = findTimbres(cfdi.root);
  if (!tfd || !element)
    throw new Error(
      'El CFDI no está timbrado (no trae TimbreFiscalDigital en cfdi:Complemento): solo se imprime un CFDI que el PAC ya timbró.',
    );
  // The cadena below carries the SelloCFD: a timbre without it is not one to print.
  required(tfd.selloCfd, 'el SelloCFD');
  return {
    uuid: required(tfd.uuid, 'el UUID (folio fiscal)'),
    fechaTimbrado: required(tfd.fechaTimbrado, 'la FechaTimbrado'),
    rfcProvCertif: required(tfd.rfcProvCertif, 'el RfcProvCertif'),
    noCertificadoSat: required(tfd.noCertificadoSat, 'el NoCertificadoSAT'),
    selloSat: required(tfd.selloSat, 'el SelloSAT'),
    cadena: buildTfdCadena(element),
  };
}

/**
 * Reads a stamped CFDI 4.0 of ingreso or egreso into what its printed representation shows.
 * Throws when the XML is not one (XmlReadError, CfdiParseError or Error with a Spanish message):
 * a CFDI without the PAC's timbre has no folio fiscal and must not be printed as if it had one.
 */
export function readPrintedInvoice(xml: string): PrintedInvoice {
  const cfdi = parseCfdi(xml);
  const { comprobante: c, emisor, receptor } = cfdi;
  if (cfdi.version !== '4.0') throw new Error(`Solo se imprimen CFDI 4.0; este es versión ${cfdi.version}.`);
  const title = TITLES[c.tipoDeComprobante ?? ''];
  if (!title)
    throw new Error(
      `Solo se imprimen CFDI de ingreso (I) o egreso (E); este es de tipo ${shown(c.tipoDeComprobante)}.`,
    );
  const timbre = timbreOf(cfdi);
  const global = cfdi.informacionGlobal;
  return {
    title,
    serieFolio: [c.serie, c.folio].filter(Boolean).join(' ') || '—',
    emisorNombre: shown(emisor?.nombre),
    emisor: [
      { label: 'RFC', value: shown(emisor?.rfc) },
      { label: 'Régimen fiscal', value: described(emisor?.regimenFiscal, findRegimenFiscal) },
    ],
    receptor: [
      { label: 'Nombre', value: shown(receptor?.nombre) },
      { label: 'RFC', value: shown(receptor?.rfc) },
      { label: 'Domicilio fiscal (CP)', value: shown(receptor?.domicilioFiscalReceptor) },
      { label: 'Régimen fiscal', value: described(receptor?.regimenFiscalReceptor, findRegimenFiscal) },
      { label: 'Uso del CFDI', value: described(receptor?.usoCfdi, findUsoCfdi) },
    ],
    comprobante: comprobanteFields(cfdi),
    informacionGlobal: global && [
      { label: 'Periodicidad', value: described(global.periodicidad, findPeriodicidad) },
      { label: 'Meses', value: described(global.meses, findMes) },
      { label: 'Año', value: shown(global.año) },
    ],
    relacionados: cfdi.cfdiRelacionados.map((group) => ({
      tipoRelacion: described(group.tipoRelacion, findTipoRelacion),
      uuids: group.uuids,
    })),
    conceptos: printedConceptos(cfdi),
    objetosImpuesto: [...new Set(cfdi.conceptos.map((concepto) => concepto.objetoImp))].map((key) =>
      described(key, findObjetoImpuesto),
    ),
    totals: printedTotals(cfdi),
    totalInWords: amountInWords(c.total ?? '0', c.moneda ?? 'MXN'),
    noCertificadoEmisor: shown(c.noCertificado),
    selloEmisor: shown(c.sello),
    timbre,
    verificationUrl: buildVerificationUrl({
      uuid: timbre.uuid,
      rfcEmisor: emisor?.rfc ?? '',
      rfcReceptor: receptor?.rfc ?? '',
      total: c.total ?? '0',
      sello: c.sello ?? '',
    }),
  };
}

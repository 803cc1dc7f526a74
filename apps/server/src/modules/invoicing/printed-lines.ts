import { type Cfdi, type ConceptoImpuesto, findClaveUnidad, findImpuesto } from '@cajachica/cfdi';
import { formatAmount, formatQuantity, formatRate, shown } from './invoice-text.js';

// The conceptos and the totals of a printed CFDI, as text: every amount as the XML writes it.

export interface Field {
  label: string;
  value: string;
}

export interface PrintedConcepto {
  claveProdServ: string;
  cantidad: string;
  /** "H87 - Pieza". */
  unidad: string;
  descripcion: string;
  /** Lines under the description: no. de identificación, descuento, each traslado and retención. */
  details: string[];
  valorUnitario: string;
  importe: string;
  objetoImp: string;
}

function taxLine(kind: 'Traslado' | 'Retención', tax: ConceptoImpuesto): string {
  const name = tax.impuesto ? (findImpuesto(tax.impuesto)?.name ?? tax.impuesto) : '—';
  const parts = [
    `${kind} ${name} ${formatRate(tax.tipoFactor, tax.tasaOCuota)}`,
    `base ${formatAmount(tax.base)}`,
  ];
  if (tax.importe !== undefined) parts.push(`importe ${formatAmount(tax.importe)}`);
  return parts.join(' · ');
}

/** Each concepto with its taxes written out under its description. */
export function printedConceptos(cfdi: Cfdi): PrintedConcepto[] {
  return cfdi.conceptos.map((concepto) => {
    const details: string[] = [];
    if (concepto.noIdentificacion) details.push(`No. de identificación: ${concepto.noIdentificacion}`);
    if (concepto.descuento !== undefined) details.push(`Descuento: ${formatAmount(concepto.descuento)}`);
    for (const tax of concepto.impuestos?.traslados ?? []) details.push(taxLine('Traslado', tax));
    for (const tax of concepto.impuestos?.retenciones ?? []) details.push(taxLine('Retención', tax));
    for (const predial of concepto.cuentaPredial) details.push(`Cuenta predial: ${shown(predial.numero)}`);
    for (const aduana of concepto.informacionAduanera)
      details.push(`Pedimento: ${shown(aduana.numeroPedimento)}`);
    const unitName = concepto.unidad ?? (concepto.claveUnidad && findClaveUnidad(concepto.claveUnidad)?.name);
    return {
      claveProdServ: shown(concepto.claveProdServ),
      cantidad: formatQuantity(concepto.cantidad),
      unidad: unitName ? `${shown(concepto.claveUnidad)} - ${unitName}` : shown(concepto.claveUnidad),
      descripcion: shown(concepto.descripcion),
      details,
      valorUnitario: formatAmount(concepto.valorUnitario),
      importe: formatAmount(concepto.importe),
      objetoImp: shown(concepto.objetoImp),
    };
  });
}

/** Subtotal, descuento, each tax of the comprobante (federal, then local) and the total, last. */
export function printedTotals(cfdi: Cfdi): Field[] {
  const { comprobante, impuestos, impuestosLocales } = cfdi;
  const money = (value: string | undefined) => `$${formatAmount(value)}`;
  const lines: Field[] = [{ label: 'Subtotal', value: money(comprobante.subTotal) }];
  if (comprobante.descuento !== undefined && !/^0*\.?0*$/.test(comprobante.descuento))
    lines.push({ label: 'Descuento', value: money(comprobante.descuento) });
  for (const tax of impuestos?.traslados ?? []) {
    // An exento traslado has no importe: the conceptos show it, the totals have nothing to add.
    if (tax.importe === undefined) continue;
    const name = tax.impuesto ? (findImpuesto(tax.impuesto)?.name ?? tax.impuesto) : '';
    lines.push({
      label: `${name} trasladado ${formatRate(tax.tipoFactor, tax.tasaOCuota)}`,
      value: money(tax.importe),
    });
  }
  for (const tax of impuestos?.retenciones ?? []) {
    const name = tax.impuesto ? (findImpuesto(tax.impuesto)?.name ?? tax.impuesto) : '';
    lines.push({ label: `${name} retenido`, value: money(tax.importe) });
  }
  for (const tax of impuestosLocales?.trasladosLocales ?? [])
    lines.push({
      label: `${shown(tax.impLocTrasladado)} ${shown(tax.tasaDeTraslado)}% (local)`,
      value: money(tax.importe),
    });
  for (const tax of impuestosLocales?.retencionesLocales ?? [])
    lines.push({
      label: `${shown(tax.impLocRetenido)} retenido ${shown(tax.tasaDeRetencion)}% (local)`,
      value: money(tax.importe),
    });
  const currency = comprobante.moneda ?? 'MXN';
  lines.push({ label: currency === 'MXN' ? 'Total' : `Total ${currency}`, value: money(comprobante.total) });
  return lines;
}

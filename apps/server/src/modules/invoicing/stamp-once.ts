import { attr, buildAndSealCfdi40, type CfdiInput, findTimbres, readXml } from '@cajachica/cfdi';
import type { Issuer } from './issuer.js';
import { type Pac, PacError, type StampedCfdi } from './pac.js';

/** The UUID and date of a stamped XML the PAC gave back. */
function stampOf(xml: string, now: Date): StampedCfdi {
  const [timbre] = findTimbres(readXml(xml));
  const uuid = timbre ? attr(timbre, 'UUID') : undefined;
  if (!uuid) throw new Error('the PAC returned a stamped XML without a UUID');
  return { uuid: uuid.toUpperCase(), xml, stampedAt: now, pacDocumentId: null };
}

/**
 * One stamping of a CFDI that may have been tried before (an invoice, a factura global): a PAC
 * that stamps our XML gets the sealed XML kept from the earlier attempt (`keptSealedXml`), or a
 * new one, kept first through `keepSealedXml`; so a PAC that stamped it already answers "timbre
 * previo", and that earlier stamp is taken as this one. A PAC that seals itself gets the data.
 */
export async function stampOnce(input: {
  pac: Pac;
  issuer: Issuer;
  cfdi: CfdiInput;
  documentId: string;
  customerEmail: string | null;
  keptSealedXml: string | null;
  keepSealedXml: (xml: string) => Promise<unknown>;
  now: Date;
}): Promise<StampedCfdi> {
  let sealedXml: string | null = null;
  if (!input.pac.sealsItself) {
    sealedXml = input.keptSealedXml ?? buildAndSealCfdi40(input.cfdi, input.issuer.csd, input.now);
    if (!input.keptSealedXml) await input.keepSealedXml(sealedXml);
  }
  try {
    return await input.pac.stamp({
      invoiceId: input.documentId,
      cfdi: input.cfdi,
      sealedXml,
      customerEmail: input.customerEmail,
    });
  } catch (error) {
    // Stamped by an earlier attempt whose answer was lost: that stamp is this document's.
    if (error instanceof PacError && error.kind === 'already_stamped' && error.details.stampedXml) {
      return stampOf(error.details.stampedXml, input.now);
    }
    throw error;
  }
}

import type { FieldError } from '../../platform/errors.js';
import { constanciaErrors } from './constancia-errors.js';
import { type LabelName, labelValue, lineLabels, wrappedLabels } from './constancia-labels.js';
import { labelKey, looksLikePdf, readLines, squash } from './constancia-lines.js';
import { type ConstanciaRegime, readRegimes } from './constancia-regimes.js';

/**
 * Reads the Constancia de Situación Fiscal (CSF) the SAT issues as a PDF — its text layer, with
 * pdf.js — to prefill the organization's fiscal data. Nothing here stores anything.
 *
 * The CSF is a form: "RFC:", "Denominación/Razón Social:", "Código Postal:"… each label with its
 * value to its right, then the "Regímenes:" table (Régimen, Fecha Inicio, Fecha Fin). pdf.js gives
 * text runs with positions and may split or join words, so runs are put back into lines (page and
 * height), labels are matched without accents, case or spaces, and a label that wraps in its cell
 * ("Denominación/Razón" over "Social:") is joined again before its value is looked for beside it.
 */

export type PersonType = 'fisica' | 'moral';
export type ConstanciaField = 'rfc' | 'legalName' | 'taxRegime' | 'postalCode';

export interface Constancia {
  rfc?: string;
  /** Persona moral: "Denominación/Razón Social" as printed; persona física: name and surnames. */
  legalName?: string;
  personType?: PersonType;
  postalCode?: string;
  idCif?: string;
  /** "Estatus en el padrón", e.g. ACTIVO. */
  status?: string;
  /** The active régimenes that match SAT's c_RegimenFiscal, in the table's order. */
  taxRegimes: { key: string; name: string }[];
  /** Every row of the "Regímenes:" table, active or not, matched or not. */
  regimes: ConstanciaRegime[];
  /** The prefill fields not found. */
  missing: ConstanciaField[];
}

const RFC = /[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}/;

function rfcFrom(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  const exact = compact.match(new RegExp(`^${RFC.source}$`));
  return exact?.[0] ?? compact.match(RFC)?.[0];
}

/** What a CSF's text layer says: RFC, name, person type, postal code, idCIF and its régimenes. */
export async function readConstancia(pdf: Buffer): Promise<Constancia> {
  if (!looksLikePdf(pdf)) throw constanciaErrors.notPdf();
  const lines = await readLines(pdf);
  if (!lines.some((line) => line.key !== '')) throw constanciaErrors.noText();

  const hits = [...lines.flatMap(lineLabels), ...wrappedLabels(lines)].sort(
    (a, b) => a.page - b.page || a.yTop - b.yTop || a.x1 - b.x1,
  );
  const values = (name: LabelName) =>
    hits
      .filter((hit) => hit.name === name)
      .map((hit) => labelValue(hit, lines))
      .filter((value) => value !== '');
  const first = (name: LabelName) => values(name)[0];

  const allText = lines.map((line) => line.key).join('');
  const isConstancia =
    allText.includes('constanciadesituacionfiscal') ||
    allText.includes('ceduladeidentificacionfiscal') ||
    hits.some((hit) => hit.name === 'idCif');

  const rfc = values('rfc').map(rfcFrom).find(Boolean);
  const denominacion = first('denominacion');
  const nombre = first('nombre');
  const personType: PersonType | undefined = denominacion
    ? 'moral'
    : nombre || first('curp')
      ? 'fisica'
      : rfc
        ? rfc.length === 12
          ? 'moral'
          : 'fisica'
        : undefined;
  const legalName =
    personType === 'moral'
      ? denominacion
      : nombre && squash([nombre, first('primerApellido'), first('segundoApellido')].join(' '));
  const postalCode = values('codigoPostal')
    .map((value) => value.match(/\b\d{5}\b/)?.[0])
    .find(Boolean);
  const idCif = values('idCif')
    .map((value) => value.replace(/\s/g, '').match(/^\d{6,15}/)?.[0])
    .find(Boolean);
  const status = first('estatus');
  const regimes = readRegimes(lines);

  if (!isConstancia || (!rfc && !legalName && !postalCode && regimes.length === 0)) {
    throw constanciaErrors.notConstancia();
  }

  const taxRegimes: Constancia['taxRegimes'] = [];
  for (const regime of regimes) {
    if (regime.endDate || !regime.key || !regime.name) continue;
    if (!taxRegimes.some((r) => r.key === regime.key))
      taxRegimes.push({ key: regime.key, name: regime.name });
  }
  const found: Record<ConstanciaField, boolean> = {
    rfc: Boolean(rfc),
    legalName: Boolean(legalName),
    taxRegime: taxRegimes.length > 0,
    postalCode: Boolean(postalCode),
  };
  return {
    ...(rfc ? { rfc } : {}),
    ...(legalName ? { legalName } : {}),
    ...(personType ? { personType } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(idCif ? { idCif } : {}),
    ...(status ? { status } : {}),
    taxRegimes,
    regimes,
    missing: (Object.keys(found) as ConstanciaField[]).filter((field) => !found[field]),
  };
}

const regimenLabel = (regimen: { key: string; name: string }) => `${regimen.key} ${regimen.name}`;

/**
 * The answer of POST /organization/fiscal-data/constancia: the form's fields as read (the régimen
 * only when exactly one is active), with what to review and what to type by hand, in Spanish.
 */
export function constanciaPrefill(constancia: Constancia) {
  const warnings: FieldError[] = [];
  const missing: FieldError[] = [];
  const active = constancia.regimes.filter((regime) => !regime.endDate);
  for (const regime of active) {
    if (regime.key || regime.printedName === '') continue;
    warnings.push({
      path: 'taxRegime',
      message: `Tu constancia tiene el régimen "${regime.printedName}", que no reconocimos en el catálogo de regímenes fiscales del SAT: elige en la lista el que le corresponde.`,
    });
  }
  if (constancia.taxRegimes.length > 1) {
    warnings.push({
      path: 'taxRegime',
      message: `Tu constancia tiene ${constancia.taxRegimes.length} regímenes vigentes (${constancia.taxRegimes.map(regimenLabel).join('; ')}): elige con cuál quieres recibir tus facturas.`,
    });
  }
  if (constancia.status && labelKey(constancia.status) !== 'activo') {
    warnings.push({
      path: 'rfc',
      message: `Según tu constancia, tu estatus en el padrón del SAT es "${constancia.status}": el SAT no timbra facturas a un RFC que no está activo.`,
    });
  }
  if (
    constancia.rfc &&
    constancia.personType &&
    (constancia.rfc.length === 12 ? 'moral' : 'fisica') !== constancia.personType
  ) {
    warnings.push({
      path: 'rfc',
      message:
        'El RFC que leímos no corresponde al tipo de persona de la constancia (12 caracteres para personas morales, 13 para físicas): compáralo con tu constancia.',
    });
  }
  const messages: Record<ConstanciaField, string> = {
    rfc: 'No encontramos el RFC en la constancia: escríbelo.',
    legalName:
      constancia.personType === 'fisica'
        ? 'No encontramos tu nombre en la constancia: escríbelo tal como aparece en ella.'
        : 'No encontramos la denominación o razón social en la constancia: escríbela tal como aparece en ella.',
    taxRegime:
      active.length > 0
        ? 'No reconocimos un régimen vigente de tu constancia en el catálogo del SAT: elige tu régimen fiscal de la lista.'
        : constancia.regimes.length > 0
          ? 'Tu constancia no tiene regímenes vigentes (todos tienen fecha de fin): elige tu régimen fiscal de la lista.'
          : 'No encontramos los regímenes de tu constancia: elige tu régimen fiscal de la lista.',
    postalCode: 'No encontramos el código postal del domicilio fiscal: escríbelo.',
  };
  for (const field of constancia.missing) missing.push({ path: field, message: messages[field] });
  const [only] = constancia.taxRegimes;
  return {
    rfc: constancia.rfc ?? null,
    legalName: constancia.legalName ?? null,
    taxRegime: constancia.taxRegimes.length === 1 && only ? only.key : null,
    taxRegimes: constancia.taxRegimes,
    postalCode: constancia.postalCode ?? null,
    personType: constancia.personType ?? null,
    idCif: constancia.idCif ?? null,
    warnings,
    missing,
  };
}

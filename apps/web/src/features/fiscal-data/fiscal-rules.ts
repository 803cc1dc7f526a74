import type { TFunction } from 'i18next';
import type { FiscalCatalog, FiscalDataInput, RegimenFiscal, UsoCfdi } from '../../api/types';
import { validators } from '../../app/validation';

/** Persona moral or física, or not known while the RFC is not 12 or 13 characters long. */
export type Persona = 'moral' | 'fisica' | null;

const RFC = /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/;
const POSTAL_CODE = /^\d{5}$/;

/** In the order the form shows them (CFDI's Receptor order), so the first wrong one gets the focus. */
export const FISCAL_FIELDS = [
  'rfc',
  'legalName',
  'postalCode',
  'taxRegime',
  'cfdiUse',
  'invoiceEmail',
] as const;
export type FiscalField = (typeof FISCAL_FIELDS)[number];

/** A persona moral's RFC has 12 characters, a persona física's 13. */
export function personaFromRfc(rfc: string): Persona {
  const length = rfc.trim().length;
  if (length === 12) return 'moral';
  return length === 13 ? 'fisica' : null;
}

function appliesTo(entry: RegimenFiscal, persona: Persona): boolean {
  if (persona === null) return entry.personaMoral || entry.personaFisica;
  return persona === 'moral' ? entry.personaMoral : entry.personaFisica;
}

/** SAT's compatibility matrix: the uso must allow the receptor's régimen and persona type. */
export function usoAllowed(uso: UsoCfdi, regimen: string, persona: Persona): boolean {
  return uso.regimenesReceptor.includes(regimen) && appliesTo(uso, persona);
}

/** "G03 — Gastos en general" (SAT ends some names with a period, which reads oddly in a list). */
const option = (entry: RegimenFiscal) => ({
  value: entry.key,
  label: `${entry.key} — ${entry.name.replace(/\.$/, '')}`,
});

/** The régimenes for the RFC's persona type; the chosen one stays listed so it is always visible. */
export function regimenOptions(catalog: FiscalCatalog, persona: Persona, selected: string) {
  return catalog.regimenesFiscales
    .filter((regimen) => appliesTo(regimen, persona) || regimen.key === selected)
    .map(option);
}

/** The usos compatible with the chosen régimen; the chosen one stays listed so it is always visible. */
export function usoOptions(catalog: FiscalCatalog, regimen: string, persona: Persona, selected: string) {
  return catalog.usosCfdi
    .filter((uso) => usoAllowed(uso, regimen, persona) || uso.key === selected)
    .map(option);
}

export const emptyFiscalData: FiscalDataInput = {
  rfc: '',
  legalName: '',
  taxRegime: '',
  postalCode: '',
  cfdiUse: '',
  invoiceEmail: '',
};

/** Client-side checks mirror the server's `fiscal-data.rules.ts`; the server still decides. */
export function fiscalValidators(t: TFunction, catalog: FiscalCatalog) {
  const v = validators(t);
  return {
    rfc: (value: string) => (RFC.test(value.trim().toUpperCase()) ? null : t('fiscalData.invalidRfc')),
    legalName: v.required,
    taxRegime: (value: string, values: FiscalDataInput) => {
      if (value === '') return t('fiscalData.chooseRegime');
      const persona = personaFromRfc(values.rfc);
      const regimen = catalog.regimenesFiscales.find((entry) => entry.key === value);
      if (!regimen || appliesTo(regimen, persona)) return null;
      return persona === 'moral' ? t('fiscalData.regimeNotForMoral') : t('fiscalData.regimeNotForFisica');
    },
    postalCode: (value: string) =>
      POSTAL_CODE.test(value.trim()) ? null : t('fiscalData.invalidPostalCode'),
    cfdiUse: (value: string, values: FiscalDataInput) => {
      if (value === '') return t('fiscalData.chooseUse');
      const uso = catalog.usosCfdi.find((entry) => entry.key === value);
      if (!uso || usoAllowed(uso, values.taxRegime, personaFromRfc(values.rfc))) return null;
      return t('fiscalData.useIncompatible');
    },
    invoiceEmail: v.email,
  };
}

/** What is sent: trimmed, the RFC in capitals (the server normalizes the same way). */
export function toRequest(values: FiscalDataInput): FiscalDataInput {
  return {
    rfc: values.rfc.trim().toUpperCase(),
    legalName: values.legalName.trim(),
    taxRegime: values.taxRegime,
    postalCode: values.postalCode.trim(),
    cfdiUse: values.cfdiUse,
    invoiceEmail: values.invoiceEmail.trim(),
  };
}

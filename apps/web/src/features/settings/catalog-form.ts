import type { FormValidateInput } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { Category, CategoryInput, CostCenter, CostCenterInput } from '../../api/types';
import { validators } from '../../app/validation';

/** The catalogs this page edits, named as their sections of the i18n catalog (`settings.<kind>`). */
export type CatalogKind = 'categories' | 'costCenters';

/** The server's rules (the same regular expressions): it still decides. */
const CODE_PATTERN = /^[A-Z0-9_-]{1,30}$/;
const SAT_ACCOUNT_PATTERN = /^\d{3}(\.\d{2})?$/;
/** Most petty-cash expenses are "G03 Gastos en general". */
const DEFAULT_CFDI_USES = ['G03'];

/** Codes are stored in capitals, as the server does. */
const normalizeCode = (code: string) => code.trim().toUpperCase();

const codeRule = (t: TFunction) => (value: string) =>
  CODE_PATTERN.test(normalizeCode(value)) ? null : t('settings.validation.code');

export type CategoryValues = {
  name: string;
  code: string;
  satAccountCode: string;
  accountCode: string;
  cfdiUses: string[];
  isFuel: boolean;
};

export const categoryValues = (category: Category | null): CategoryValues => ({
  name: category?.name ?? '',
  code: category?.code ?? '',
  satAccountCode: category?.satAccountCode ?? '',
  accountCode: category?.accountCode ?? '',
  cfdiUses: category?.cfdiUses ?? DEFAULT_CFDI_USES,
  isFuel: category?.isFuel ?? false,
});

export const categoryInput = (values: CategoryValues): CategoryInput => ({
  name: values.name.trim(),
  code: normalizeCode(values.code),
  satAccountCode: values.satAccountCode.trim(),
  accountCode: values.accountCode.trim() || null,
  cfdiUses: values.cfdiUses,
  isFuel: values.isFuel,
});

export const categoryRules = (t: TFunction): FormValidateInput<CategoryValues> => ({
  name: validators(t).required,
  code: codeRule(t),
  satAccountCode: (value) =>
    SAT_ACCOUNT_PATTERN.test(value.trim()) ? null : t('settings.validation.satAccount'),
  cfdiUses: (value) => (value.length === 0 ? t('settings.validation.cfdiUses') : null),
});

export type CostCenterValues = { code: string; name: string };

export const costCenterValues = (costCenter: CostCenter | null): CostCenterValues => ({
  code: costCenter?.code ?? '',
  name: costCenter?.name ?? '',
});

export const costCenterInput = (values: CostCenterValues): CostCenterInput => ({
  code: normalizeCode(values.code),
  name: values.name.trim(),
});

export const costCenterRules = (t: TFunction): FormValidateInput<CostCenterValues> => ({
  code: codeRule(t),
  name: validators(t).required,
});

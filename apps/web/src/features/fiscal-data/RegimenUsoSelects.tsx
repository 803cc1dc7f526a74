import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiscalCatalog, FiscalDataInput } from '../../api/types';
import { personaFromRfc, regimenOptions, usoAllowed, usoOptions } from './fiscal-rules';

interface Props {
  form: UseFormReturnType<FiscalDataInput>;
  catalog: FiscalCatalog;
  /** `required` while editable; `disabled` and legible styles when read-only. */
  fieldProps: { required?: boolean; disabled?: boolean; styles?: { input: CSSProperties } };
  /** A field's description: its hint, or the warning the server gave for its saved value. */
  describe: (field: 'taxRegime' | 'cfdiUse', hint: string) => ReactNode;
  /** Régimenes to offer first (the active ones of an uploaded constancia, when it has several). */
  suggested?: readonly string[];
}

/** Régimen fiscal for the RFC's persona type, then only the usos del CFDI SAT allows with it. */
export function RegimenUsoSelects({ form, catalog, fieldProps, describe, suggested = [] }: Props) {
  const { t } = useTranslation();
  const { taxRegime, cfdiUse, rfc } = form.values;
  const persona = personaFromRfc(rfc);
  const regimenes = regimenOptions(catalog, persona, taxRegime);
  const first = regimenes.filter((option) => suggested.includes(option.value));
  const regimenData =
    first.length > 1
      ? [
          { group: t('fiscalData.constancia.suggestedGroup'), items: first },
          {
            group: t('fiscalData.constancia.otherGroup'),
            items: regimenes.filter((option) => !suggested.includes(option.value)),
          },
        ]
      : regimenes;

  const changeRegimen = (value: string | null) => {
    const regimen = value ?? '';
    form.setFieldValue('taxRegime', regimen);
    const uso = catalog.usosCfdi.find((entry) => entry.key === form.getValues().cfdiUse);
    if (uso && !usoAllowed(uso, regimen, persona)) form.setFieldValue('cfdiUse', '');
  };

  return (
    <>
      <Select
        label={t('fiscalData.taxRegime')}
        description={describe('taxRegime', persona ? t(`fiscalData.taxRegimeHint.${persona}`) : '')}
        placeholder={t('fiscalData.taxRegimePlaceholder')}
        {...fieldProps}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('fiscalData.nothingFound')}
        data={regimenData}
        {...form.getInputProps('taxRegime')}
        value={taxRegime || null}
        onChange={changeRegimen}
      />
      <Select
        label={t('fiscalData.cfdiUse')}
        description={describe('cfdiUse', t('fiscalData.cfdiUseHint'))}
        placeholder={taxRegime ? t('fiscalData.cfdiUsePlaceholder') : t('fiscalData.cfdiUseNeedsRegime')}
        {...fieldProps}
        disabled={fieldProps.disabled || taxRegime === ''}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('fiscalData.nothingFound')}
        data={usoOptions(catalog, taxRegime, persona, cfdiUse)}
        {...form.getInputProps('cfdiUse')}
        value={cfdiUse || null}
        onChange={(uso) => form.setFieldValue('cfdiUse', uso ?? '')}
      />
    </>
  );
}

import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { FiscalCatalog, FiscalData, FiscalDataInput } from '../../api/types';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { type ConstanciaResult, ConstanciaSummary, ConstanciaUpload } from './ConstanciaUpload';
import { currentWarnings, FieldWarning, type SavedWarnings, WarningsAlert } from './FiscalWarnings';
import { type ConstanciaPrefill, fiscalDataKeys, saveFiscalData } from './fiscal-data.api';
import {
  emptyFiscalData,
  FISCAL_FIELDS,
  fiscalValidators,
  personaFromRfc,
  toRequest,
  usoAllowed,
} from './fiscal-rules';
import { RegimenUsoSelects } from './RegimenUsoSelects';

interface Props {
  initial: FiscalData | null;
  catalog: FiscalCatalog;
  organizationId: string;
  /** Only the owner changes fiscal data: everyone else sees it disabled, without a save button. */
  readOnly: boolean;
}

const toInput = (data: FiscalData | null): FiscalDataInput =>
  data ? toRequest(data) : { ...emptyFiscalData };

/** Read-only fields stay disabled but legible: whoever only reads the data still needs to copy it. */
const READ_ONLY_FIELD = {
  disabled: true,
  styles: { input: { opacity: 1, color: 'var(--mantine-color-text)' } },
};
const EDITABLE_FIELD = { required: true };

/** Capitals as the person types, keeping the caret where it was. */
function upperCase(event: ChangeEvent<HTMLInputElement>): string {
  const input = event.currentTarget;
  const { selectionStart, selectionEnd } = input;
  input.value = input.value.toUpperCase();
  input.setSelectionRange(selectionStart, selectionEnd);
  return input.value;
}

export function FiscalDataForm({ initial, catalog, organizationId, readOnly }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<SavedWarnings | null>(null);
  const [constancia, setConstancia] = useState<ConstanciaResult | null>(null);
  // Once saved, the upload starts over: the file named there would look stored, and it is not.
  const [upload, setUpload] = useState(0);
  const form = useForm<FiscalDataInput>({
    initialValues: toInput(initial),
    validate: fiscalValidators(t, catalog),
    validateInputOnBlur: true,
  });
  const focusFirst = (isWrong: (field: string) => boolean) => {
    const first = FISCAL_FIELDS.find(isWrong);
    if (first) form.getInputNode(first)?.focus();
  };
  const save = useMutation({
    mutationFn: saveFiscalData,
    onSuccess: ({ warnings, ...data }) => {
      const values = toInput(data);
      queryClient.setQueryData(fiscalDataKeys.data(organizationId), data);
      form.setValues(values);
      form.resetDirty(values);
      setSaved({ values, warnings });
      setConstancia(null);
      setUpload((count) => count + 1);
      notifySuccess(t('fiscalData.saved'));
    },
    onError: (error) => {
      applyFieldErrors(form, error);
      if (error instanceof ApiError)
        focusFirst((field) => error.fieldErrors.some((e) => e.path.endsWith(field)));
    },
  });

  // A régimen or uso chosen for one persona type may not fit once the RFC says the other.
  form.watch('rfc', ({ previousValue, value }) => {
    if (personaFromRfc(previousValue) === personaFromRfc(value)) return;
    const values = form.getValues();
    if (values.taxRegime !== '') form.validateField('taxRegime');
    if (values.cfdiUse !== '') form.validateField('cfdiUse');
  });

  // The constancia fills what it has (nothing is saved yet); with several active régimenes the
  // person picks one, so a régimen typed before that is not among them is cleared.
  const applyConstancia = (prefill: ConstanciaPrefill) => {
    const current = form.getValues();
    const changes: Partial<FiscalDataInput> = {};
    if (prefill.rfc) changes.rfc = prefill.rfc;
    if (prefill.legalName) changes.legalName = prefill.legalName;
    if (prefill.postalCode) changes.postalCode = prefill.postalCode;
    if (prefill.taxRegime) changes.taxRegime = prefill.taxRegime;
    else if (prefill.taxRegimes.length > 1 && !prefill.taxRegimes.some((r) => r.key === current.taxRegime)) {
      changes.taxRegime = '';
    }
    form.setValues(changes);
    const values = form.getValues();
    const uso = catalog.usosCfdi.find((entry) => entry.key === values.cfdiUse);
    if (uso && !usoAllowed(uso, values.taxRegime, personaFromRfc(values.rfc)))
      form.setFieldValue('cfdiUse', '');
    const filled = FISCAL_FIELDS.filter((field) => Boolean(changes[field]));
    for (const field of filled) form.validateField(field);
    setConstancia({ prefill, filled });
  };
  const suggestedRegimes =
    constancia && constancia.prefill.taxRegime === null
      ? constancia.prefill.taxRegimes.map((r) => r.key)
      : [];

  const warnings = currentWarnings(saved, form.values);
  const fieldProps = readOnly ? READ_ONLY_FIELD : EDITABLE_FIELD;
  // The hints help whoever types the data; a reader sees just the values.
  const describe = (field: keyof FiscalDataInput, hint: string) => {
    if (readOnly) return undefined;
    const warning = warnings.find((w) => w.field === field);
    return warning ? <FieldWarning message={warning.message} /> : hint;
  };

  const submit = form.onSubmit(
    (input) => save.mutate(toRequest(input)),
    (errors: FormErrors) => focusFirst((field) => Boolean(errors[field])),
  );
  const serverFieldErrors = save.error instanceof ApiError && save.error.fieldErrors.length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!readOnly && <ConstanciaUpload key={upload} onRead={applyConstancia} />}
        {!readOnly && constancia && <ConstanciaSummary result={constancia} />}
        <TextInput
          label={t('fiscalData.rfc')}
          description={describe('rfc', t('fiscalData.rfcHint'))}
          {...fieldProps}
          maxLength={13}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...form.getInputProps('rfc')}
          onChange={(event) => form.setFieldValue('rfc', upperCase(event))}
        />
        <TextInput
          label={t('fiscalData.legalName')}
          description={describe('legalName', t('fiscalData.legalNameHint'))}
          {...fieldProps}
          maxLength={254}
          autoComplete="organization"
          {...form.getInputProps('legalName')}
        />
        <TextInput
          label={t('fiscalData.postalCode')}
          description={describe('postalCode', t('fiscalData.postalCodeHint'))}
          {...fieldProps}
          maxLength={5}
          inputMode="numeric"
          autoComplete="postal-code"
          {...form.getInputProps('postalCode')}
        />
        <RegimenUsoSelects
          form={form}
          catalog={catalog}
          fieldProps={fieldProps}
          describe={describe}
          suggested={suggestedRegimes}
        />
        <TextInput
          label={t('fiscalData.invoiceEmail')}
          description={describe('invoiceEmail', t('fiscalData.invoiceEmailHint'))}
          type="email"
          {...fieldProps}
          maxLength={254}
          autoComplete="email"
          {...form.getInputProps('invoiceEmail')}
        />
        {!readOnly && (
          <>
            <WarningsAlert warnings={warnings} />
            {serverFieldErrors ? (
              <Alert color="red" variant="light" role="alert">
                {t('fiscalData.fixErrors')}
              </Alert>
            ) : (
              <ErrorAlert error={save.error} />
            )}
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('fiscalData.submit')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}

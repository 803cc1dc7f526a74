import { Alert, FileInput, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/problem';
import { type ConstanciaPrefill, readConstancia } from './fiscal-data.api';
import type { FiscalField } from './fiscal-rules';

/** What a constancia filled in the form, kept to tell the person what to review. */
export interface ConstanciaResult {
  prefill: ConstanciaPrefill;
  filled: FiscalField[];
}

/**
 * Optional: the PDF of the Constancia de Situación Fiscal, read by the server to fill the form.
 * Nothing is saved here; the person reviews the fields and saves them with the form's button.
 */
export function ConstanciaUpload({ onRead }: { onRead: (prefill: ConstanciaPrefill) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const read = useMutation({ mutationFn: readConstancia, onSuccess: onRead });

  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack gap="xs">
        <FileInput
          label={t('fiscalData.constancia.label')}
          description={t('fiscalData.constancia.hint')}
          placeholder={t('fiscalData.constancia.placeholder')}
          accept="application/pdf,.pdf"
          value={file}
          disabled={read.isPending}
          rightSection={read.isPending ? <Loader size="xs" /> : undefined}
          onChange={(chosen) => {
            setFile(chosen);
            read.reset();
            if (chosen) read.mutate(chosen);
          }}
        />
        {read.isPending && (
          <Text size="sm" c="dimmed" role="status">
            {t('fiscalData.constancia.reading')}
          </Text>
        )}
        <ErrorAlert error={read.error} />
      </Stack>
    </Paper>
  );
}

/** Which fields the constancia filled, its warnings and what it did not have. */
export function ConstanciaSummary({ result }: { result: ConstanciaResult }) {
  const { t } = useTranslation();
  const { prefill, filled } = result;
  return (
    <Alert
      color={filled.length > 0 ? 'teal' : 'yellow'}
      variant="light"
      role="status"
      title={
        filled.length > 0
          ? t('fiscalData.constancia.filledTitle', { count: filled.length })
          : t('fiscalData.constancia.nothingFilled')
      }
    >
      <Stack gap="xs">
        {filled.length > 0 && (
          <Text size="sm">
            {t('fiscalData.constancia.filledFields', {
              fields: filled.map((field) => t(`fiscalData.${field}`)).join(', '),
            })}
          </Text>
        )}
        {prefill.missing.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('fiscalData.constancia.missingTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {prefill.missing.map(({ path, message }) => (
                <List.Item key={path}>{message}</List.Item>
              ))}
            </List>
          </div>
        )}
        {prefill.warnings.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('fiscalData.constancia.warningsTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {prefill.warnings.map(({ path, message }) => (
                <List.Item key={`${path}:${message}`}>{message}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Text size="sm">{t('fiscalData.constancia.review')}</Text>
      </Stack>
    </Alert>
  );
}

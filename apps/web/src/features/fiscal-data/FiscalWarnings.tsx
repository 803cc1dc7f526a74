import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import type { FiscalDataInput } from '../../api/types';
import { FISCAL_FIELDS, type FiscalField } from './fiscal-rules';

/** Warnings the server gave with the values it saved: each lasts while its field keeps that value. */
export interface SavedWarnings {
  values: FiscalDataInput;
  warnings: FieldError[];
}

/** `rfc`, `body.rfc` and `/rfc` all name the field `rfc`; other paths name no field. */
function fieldOf(path: string): FiscalField | null {
  const name = path.split(/[./]/).pop() ?? '';
  return FISCAL_FIELDS.find((field) => field === name) ?? null;
}

/** The warnings that still apply to what the form holds now. */
export function currentWarnings(saved: SavedWarnings | null, values: FiscalDataInput) {
  if (!saved) return [];
  return saved.warnings
    .map((warning) => ({ ...warning, field: fieldOf(warning.path) }))
    .filter(({ field }) => field === null || values[field] === saved.values[field]);
}

/** A field's warning, shown in place of its usual hint. */
export function FieldWarning({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="xs" c="orange.9">
      <strong>{t('fiscalData.warningPrefix')}</strong> {message}
    </Text>
  );
}

/** The saved data's warnings gathered by the save button, where the person is looking. */
export function WarningsAlert({ warnings }: { warnings: ReturnType<typeof currentWarnings> }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('fiscalData.warningsTitle')} role="status">
      <List size="sm" spacing={4}>
        {warnings.map(({ field, message }) => (
          <List.Item key={`${field}:${message}`}>
            {field ? `${t(`fiscalData.${field}`)}: ${message}` : message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

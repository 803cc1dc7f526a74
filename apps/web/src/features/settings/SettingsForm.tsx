import { Button, Fieldset, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../app/problem';
import type { Saver } from './useSaveForm';

export interface SettingsFormProps {
  saver: Saver;
  submitLabel: string;
  /** In a modal: a "Cancelar" button beside the submit one, both to the right. */
  onCancel?: () => void;
  /** For those who may read but not change: the fields disabled and no buttons. */
  disabled?: boolean;
  children: ReactNode;
}

/** A settings form: the server's refusal on top, the fields, then its buttons. */
export function SettingsForm({
  saver,
  submitLabel,
  onCancel,
  disabled = false,
  children,
}: SettingsFormProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={saver.onSubmit} noValidate>
      <Fieldset variant="unstyled" disabled={disabled}>
        <Stack>
          <FormErrorAlert error={saver.error} />
          {children}
          {!disabled && (
            <Group justify={onCancel ? 'flex-end' : 'flex-start'}>
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={saver.saving}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}

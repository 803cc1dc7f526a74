import { Alert } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The text to show a person for a failed call: the server's Spanish detail, or a generic message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.status === 0) return t('errors.network');
  }
  return t('errors.unexpected');
}

/** `body.email`, `/email` and `email` all name the form field `email`. */
function fieldName(path: string): string {
  const parts = path.split(/[./]/).filter((part) => part !== '' && part !== 'body');
  return parts.join('.');
}

/**
 * Puts each server field error next to the form field it names. `aliases` maps a server path to a
 * form field named otherwise (e.g. `supplier.rfc` → `supplierRfc`).
 */
export function applyFieldErrors(
  // biome-ignore lint/suspicious/noExplicitAny: works with any form's values
  form: UseFormReturnType<any>,
  error: unknown,
  aliases: Record<string, string> = {},
): void {
  if (!(error instanceof ApiError)) return;
  const values = form.getValues() as Record<string, unknown>;
  for (const fieldError of error.fieldErrors) {
    const path = fieldName(fieldError.path);
    const name = aliases[path] ?? path;
    if (name in values) form.setFieldError(name, fieldError.message);
  }
}

export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', message: errorMessage(error, t) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

/**
 * A form's error: when the server's schema check refused fields (shown on each field), a short
 * "check the marked fields" instead of its technical summary; any other refusal, its detail.
 */
export function FormErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fieldErrors.length > 0) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('errors.checkFields')}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** An inline, announced error for a form or a page. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
}

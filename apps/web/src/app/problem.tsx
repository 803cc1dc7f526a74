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

/** Puts each server field error next to the form field it names. */
// biome-ignore lint/suspicious/noExplicitAny: works with any form's values
export function applyFieldErrors(form: UseFormReturnType<any>, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  const values = form.getValues() as Record<string, unknown>;
  for (const fieldError of error.fieldErrors) {
    const name = fieldName(fieldError.path);
    if (name in values) form.setFieldError(name, fieldError.message);
  }
}

export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', message: errorMessage(error, t) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
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

import { PasswordInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** Email and current password of a sign-in form (customers' and operators'), with the browser's autofill hints. */
export function CredentialsFields<Values extends { email: string; password: string }>({
  form,
}: {
  form: UseFormReturnType<Values>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t('fields.password')}
        autoComplete="current-password"
        required
        {...form.getInputProps('password')}
      />
    </>
  );
}

import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { type SignUpInput, signUp } from './auth.api';
import { CheckEmail } from './CheckEmail';

/** `/registro`: creates the user and the organization; the account opens once the email is verified. */
export function SignUpPage() {
  const { t } = useTranslation();
  const v = validators(t);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    initialValues: { name: '', organizationName: '', email: '', password: '' },
    validate: {
      name: v.required,
      organizationName: v.required,
      email: v.email,
      password: v.password,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: SignUpInput) =>
      signUp({ ...values, name: values.name.trim(), organizationName: values.organizationName.trim() }),
    onSuccess: (_, values) => setSentTo(values.email),
    onError: (error) => applyFieldErrors(form, error),
  });

  if (sentTo) return <CheckEmail email={sentTo} />;

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack>
        <div>
          <Title order={1} size="h2">
            {t('signup.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('signup.subtitle')}
          </Text>
        </div>
        <ErrorAlert error={mutation.error} />
        <TextInput label={t('signup.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput
          label={t('signup.organizationName')}
          autoComplete="organization"
          required
          {...form.getInputProps('organizationName')}
        />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('fields.password')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          maxLength={128}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {t('signup.submit')}
        </Button>
        <Text size="sm" ta="center">
          {t('signup.haveAccount')}{' '}
          <Anchor component={Link} to="/entrar">
            {t('signup.loginLink')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}

import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A catalog entry's short unique code ("clave"), shown and sent in capitals. */
export function CodeInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('settings.form.code')}
      description={t('settings.form.codeHint')}
      required
      maxLength={30}
      autoCapitalize="characters"
      autoComplete="off"
      styles={{ input: { textTransform: 'uppercase' } }}
      {...props}
    />
  );
}

import type { TFunction } from 'i18next';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side checks mirror the server's (ARCHITECTURE.md §Security): the server still decides. */
export const validators = (t: TFunction) => ({
  required: (value: string) => (value.trim() === '' ? t('validation.required') : null),
  email: (value: string) => (EMAIL.test(value.trim()) ? null : t('validation.email')),
  password: (value: string) =>
    value.length >= 8 && value.length <= 128 ? null : t('validation.passwordLength'),
  totp: (value: string) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.totp')),
  roles: (value: string[]) => (value.length === 0 ? t('validation.rolesRequired') : null),
});

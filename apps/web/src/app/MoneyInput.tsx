import { TextInput, type TextInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { AMOUNT_PATTERN, toCentavos } from './money';

/**
 * An amount in pesos typed as text: the value stays the string the person wrote (never a float),
 * with the numeric keypad on phones.
 */
export function MoneyInput(props: TextInputProps) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      leftSection="$"
      leftSectionPointerEvents="none"
      {...props}
    />
  );
}

/** Form validators for typed amounts, mirroring the server's rules. */
export const amountValidators = (t: TFunction) => ({
  /** Required and greater than zero. */
  positive: (value: string) => {
    const centavos = toCentavos(value);
    if (value.trim() === '') return t('validation.required');
    if (centavos === null) return t('validation.amount');
    return centavos > 0n ? null : t('validation.amountPositive');
  },
  /** Zero allowed; empty allowed when `optional`. */
  nonNegative:
    (optional = false) =>
    (value: string) => {
      if (value.trim() === '') return optional ? null : t('validation.required');
      return AMOUNT_PATTERN.test(value.trim()) ? null : t('validation.amount');
    },
});

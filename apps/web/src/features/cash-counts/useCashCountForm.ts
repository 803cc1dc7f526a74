import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Fund } from '../../api/types';
import { toCentavos } from '../../app/money';
import { applyFieldErrors } from '../../app/problem';
import { fundsKeys } from '../funds/funds.api';
import { type CashCount, countCash } from './cash-counts.api';
import {
  countedCentavos,
  countLines,
  emptyQuantities,
  PIECES,
  parseQuantity,
  type Quantities,
} from './denominations';

export interface CountFormValues {
  quantities: Quantities;
  witnessId: string | null;
  notes: string;
}

/**
 * The count being typed: its form, the live totals (counted, expected from the ledger, difference,
 * exact in centavos) and the mutation that records it.
 */
export function useCashCountForm(fund: Fund, on: { saved: (count: CashCount) => void; failed: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<CountFormValues>({
    initialValues: { quantities: emptyQuantities(), witnessId: null, notes: '' },
    validate: {
      quantities: Object.fromEntries(
        PIECES.map((piece) => [
          piece.key,
          (value: string) => (parseQuantity(value) === null ? t('cashCounts.quantityInvalid') : null),
        ]),
      ),
    },
    validateInputOnChange: true,
  });

  const save = useMutation({
    mutationFn: (values: CountFormValues) =>
      countCash(fund.id, {
        counts: countLines(values.quantities),
        ...(values.witnessId ? { witnessId: values.witnessId } : {}),
        ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
      }),
    onSuccess: async (count) => {
      form.reset();
      on.saved(count);
      await queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
    onError: (error) => {
      on.failed();
      applyFieldErrors(form, error);
      // The server names lines by position ("counts.3.quantity"); the form sends every piece in order.
      if (!isApiError(error)) return;
      for (const fieldError of error.fieldErrors) {
        const index = /^counts\.(\d+)/.exec(fieldError.path)?.[1];
        const piece = index === undefined ? undefined : PIECES[Number(index)];
        if (piece) form.setFieldError(`quantities.${piece.key}`, fieldError.message);
      }
    },
  });

  const counted = countedCentavos(form.getValues().quantities);
  const expected = toCentavos(fund.cash) ?? 0n;
  return { form, save, counted, expected, difference: counted === null ? null : counted - expected };
}

import type { TFunction } from 'i18next';
import type { ExpenseInput, PaymentMethod } from '../../api/types';
import { amountValidators } from '../../app/MoneyInput';
import { addAmounts } from '../../app/money';

export interface NewExpenseValues {
  date: string;
  concept: string;
  categoryId: string | null;
  paymentMethod: PaymentMethod;
  fundId: string | null;
  supplierRfc: string;
  supplierName: string;
  subtotal: string;
  iva: string;
  total: string;
}

const RFC = /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Server paths that name a form field otherwise. */
export const EXPENSE_FIELD_ALIASES = {
  'supplier.rfc': 'supplierRfc',
  'supplier.name': 'supplierName',
  'taxes.ivaTransferred': 'iva',
};

/** subtotal + IVA, or null while either is not an amount. */
export const expectedTotal = (values: Pick<NewExpenseValues, 'subtotal' | 'iva'>) =>
  addAmounts(values.subtotal, values.iva.trim() === '' ? '0' : values.iva);

export function newExpenseValidators(t: TFunction) {
  const amount = amountValidators(t);
  return {
    date: (value: string) => (DATE.test(value) ? null : t('expenses.form.invalidDate')),
    concept: (value: string) => (value.trim() === '' ? t('validation.required') : null),
    fundId: (value: string | null, values: NewExpenseValues) =>
      values.paymentMethod === 'fund_cash' && !value ? t('expenses.form.fundRequired') : null,
    supplierRfc: (value: string) =>
      value.trim() === '' || RFC.test(value.trim()) ? null : t('expenses.form.invalidRfc'),
    subtotal: amount.nonNegative(),
    iva: amount.nonNegative(true),
    total: (value: string, values: NewExpenseValues) => {
      const error = amount.positive(value);
      if (error) return error;
      const expected = expectedTotal(values);
      return expected !== null && addAmounts(value) !== expected
        ? t('expenses.form.totalMismatch', { expected })
        : null;
    },
  };
}

export function toExpenseInput(values: NewExpenseValues): ExpenseInput {
  const rfc = values.supplierRfc.trim().toUpperCase();
  const name = values.supplierName.trim();
  return {
    date: values.date,
    concept: values.concept.trim(),
    categoryId: values.categoryId,
    paymentMethod: values.paymentMethod,
    fundId: values.fundId,
    ...(rfc || name ? { supplier: { rfc: rfc || null, name: name || null } } : {}),
    subtotal: values.subtotal.trim(),
    ...(values.iva.trim() !== '' ? { taxes: { ivaTransferred: values.iva.trim() } } : {}),
    total: values.total.trim(),
  };
}

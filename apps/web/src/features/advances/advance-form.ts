import type { TFunction } from 'i18next';
import { todayInMexico } from '../../app/format';
import { amountValidators } from '../../app/MoneyInput';
import type { AdvanceInput, AdvanceMethod, TripScope } from './advances.api';

export interface NewAdvanceValues {
  employeeId: string | null;
  purpose: string;
  amount: string;
  method: AdvanceMethod;
  fundId: string | null;
  transferReference: string;
  dueDate: string;
  isTrip: boolean;
  tripScope: TripScope;
  tripStart: string;
  tripEnd: string;
}

export const emptyAdvance = (method: AdvanceMethod, fundId: string | null): NewAdvanceValues => ({
  employeeId: null,
  purpose: '',
  amount: '',
  method,
  fundId,
  transferReference: '',
  dueDate: '',
  isTrip: false,
  tripScope: 'national',
  tripStart: '',
  tripEnd: '',
});

/** The form's checks, mirroring the server's (which still decides, e.g. the fund's cash). */
export function newAdvanceValidators(t: TFunction) {
  const required = (value: string | null) =>
    !value || value.trim() === '' ? t('validation.required') : null;
  return {
    employeeId: (value: string | null) => (value ? null : t('advances.form.chooseEmployee')),
    purpose: required,
    amount: amountValidators(t).positive,
    fundId: (value: string | null, values: NewAdvanceValues) =>
      values.method === 'fund_cash' && !value ? t('advances.form.chooseFund') : null,
    transferReference: (value: string, values: NewAdvanceValues) =>
      values.method === 'transfer' ? required(value) : null,
    dueDate: (value: string) =>
      required(value) ?? (value < todayInMexico() ? t('advances.form.dueDatePast') : null),
    tripStart: (value: string, values: NewAdvanceValues) => (values.isTrip ? required(value) : null),
    tripEnd: (value: string, values: NewAdvanceValues) =>
      values.isTrip
        ? (required(value) ?? (value < values.tripStart ? t('advances.form.tripEndBefore') : null))
        : null,
  };
}

export function toAdvanceInput(values: NewAdvanceValues): AdvanceInput {
  return {
    employeeId: values.employeeId ?? '',
    purpose: values.purpose.trim(),
    amount: values.amount.trim(),
    method: values.method,
    ...(values.method === 'fund_cash' && values.fundId ? { fundId: values.fundId } : {}),
    ...(values.method === 'transfer' ? { transferReference: values.transferReference.trim() } : {}),
    dueDate: values.dueDate,
    ...(values.isTrip
      ? { trip: { scope: values.tripScope, start: values.tripStart, end: values.tripEnd } }
      : {}),
  };
}

/** Server field paths that the form names otherwise. */
export const ADVANCE_FIELD_ALIASES = {
  'trip.start': 'tripStart',
  'trip.end': 'tripEnd',
  'trip.scope': 'tripScope',
};

import { type FormValidateInput, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { applyFieldErrors } from '../../app/problem';

interface Options<Values, Result> {
  initialValues: Values;
  validate?: FormValidateInput<Values>;
  save: (values: Values) => Promise<Result>;
  /** After the server accepted: say so, refresh what changed, close. The button spins until it ends. */
  onSaved: (result: Result, values: Values) => unknown;
}

/** What a `SettingsForm` needs from its form: the submit handler and the call's state. */
export interface Saver {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  error: unknown;
  saving: boolean;
}

/** A settings form and the call that saves it; the server's field errors land on their fields. */
export function useSaveForm<Values extends Record<string, unknown>, Result>({
  initialValues,
  validate,
  save,
  onSaved,
}: Options<Values, Result>) {
  const form = useForm<Values>({ initialValues, validate });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (result, values) => {
      await onSaved(result, values);
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  const saver: Saver = {
    onSubmit: form.onSubmit((values) => mutation.mutate(values)),
    error: mutation.error,
    saving: mutation.isPending,
  };
  return { form, saver };
}

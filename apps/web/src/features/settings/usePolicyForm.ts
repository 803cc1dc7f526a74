import type { FormValidateInput } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Policy, PolicyInput } from '../../api/types';
import { notifySuccess } from '../../app/problem';
import { setPolicy, settingsKeys } from './settings.api';
import { useSaveForm } from './useSaveForm';

interface Options<Values> {
  organizationId: string;
  initialValues: Values;
  validate: FormValidateInput<Values>;
  toInput: (values: Values) => PolicyInput;
  /** The notification once saved (`saved` is undefined when a rule was removed). */
  savedMessage: (saved: Policy | undefined, values: Values) => string;
  onSaved?: () => void;
}

/** A policy's form: POST /policies replaces that scope's policy; then the list is read again. */
export function usePolicyForm<Values extends Record<string, unknown>>({
  organizationId,
  initialValues,
  validate,
  toInput,
  savedMessage,
  onSaved,
}: Options<Values>) {
  const queryClient = useQueryClient();
  return useSaveForm({
    initialValues,
    validate,
    save: (values: Values) => setPolicy(toInput(values)),
    onSaved: async (saved: Policy | undefined, values: Values) => {
      notifySuccess(savedMessage(saved, values));
      await queryClient.invalidateQueries({ queryKey: settingsKeys.policies(organizationId) });
      onSaved?.();
    },
  });
}

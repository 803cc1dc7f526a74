import { Button, type MantineColor } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/problem';

interface Props {
  label: string;
  /** The label with the row's name, for screen readers (many rows share the visible label). */
  ariaLabel: string;
  color?: MantineColor;
  run: () => Promise<unknown>;
  /** Said once the server accepted; then `queryKey` is refreshed. */
  done: string;
  queryKey: readonly unknown[];
}

/** A row's one-click change (deactivate, remove…): a notification says how it went. */
export function ActionButton({ label, ariaLabel, color, run, done, queryKey }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: run,
    onSuccess: async () => {
      notifySuccess(done);
      await queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <Button
      size="xs"
      variant="light"
      color={color}
      miw="max-content"
      aria-label={ariaLabel}
      loading={action.isPending}
      onClick={() => action.mutate()}
    >
      {label}
    </Button>
  );
}

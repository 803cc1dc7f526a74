import { Alert, List, Stack, Text } from '@mantine/core';

/**
 * After a bulk action on expenses (decide, submit): a line of counts, an optional hint, and for
 * each expense that failed its concept and the server's Spanish reason.
 */
export function BulkResultAlert({
  title,
  closeLabel,
  counts,
  hint,
  failed,
  onClose,
}: {
  title: string;
  closeLabel: string;
  /** Already translated, e.g. "3 aprobados"; empty ones are left out. */
  counts: (string | false)[];
  hint?: string | false;
  failed: { expense: { id: string; concept: string }; detail: string }[];
  onClose: () => void;
}) {
  return (
    <Alert
      color={failed.length > 0 ? 'yellow' : 'teal'}
      variant="light"
      title={title}
      withCloseButton
      closeButtonLabel={closeLabel}
      onClose={onClose}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {counts.filter(Boolean).join(' · ')}
        </Text>
        {hint && <Text size="sm">{hint}</Text>}
        {failed.length > 0 && (
          <List size="sm" spacing={4}>
            {failed.map(({ expense, detail }) => (
              <List.Item key={expense.id}>
                <Text span size="sm" fw={500}>
                  {expense.concept}:
                </Text>{' '}
                {detail}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionSummary } from './useDecisions';

/**
 * After a bulk decision: how many were approved, moved to their next level or rejected, and for
 * each one that could not be decided, its concept and the server's Spanish reason.
 */
export function DecisionSummaryAlert({
  summary,
  onClose,
}: {
  summary: DecisionSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const counts = [
    summary.approved.length > 0 && t('approvals.summary.approved', { count: summary.approved.length }),
    summary.nextLevel.length > 0 && t('approvals.summary.nextLevel', { count: summary.nextLevel.length }),
    summary.rejected.length > 0 && t('approvals.summary.rejected', { count: summary.rejected.length }),
    summary.failed.length > 0 && t('approvals.summary.failed', { count: summary.failed.length }),
  ].filter(Boolean);
  return (
    <Alert
      color={summary.failed.length > 0 ? 'yellow' : 'teal'}
      variant="light"
      title={t('approvals.summary.title')}
      withCloseButton
      closeButtonLabel={t('approvals.summary.close')}
      onClose={onClose}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {counts.join(' · ')}
        </Text>
        {summary.nextLevel.length > 0 && <Text size="sm">{t('approvals.summary.nextLevelHint')}</Text>}
        {summary.failed.length > 0 && (
          <List size="sm" spacing={4}>
            {summary.failed.map(({ expense, detail }) => (
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

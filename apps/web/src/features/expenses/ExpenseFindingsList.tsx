import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../api/types';
import { findingLabel, uniqueFindings } from './findings';

/** Every finding with its full Spanish message, errors first. */
export function ExpenseFindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expense-findings">
      <Stack gap="sm">
        <Title order={2} size="h4" id="expense-findings">
          {t('expenses.findings.title', { count: findings.length })}
        </Title>
        {findings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('expenses.findings.noneLong')}
          </Text>
        ) : (
          uniqueFindings(findings).map(({ finding, count, key }) => (
            <Alert
              key={key}
              variant="light"
              color={finding.severity === 'error' ? 'red' : 'yellow'}
              title={`${t(`expenses.findings.severity.${finding.severity}`)} · ${t(`expenses.findings.labels.${findingLabel(finding)}`)}`}
              styles={{ message: { overflowWrap: 'anywhere' } }}
            >
              {finding.message}
              {count > 1 && ` ${t('expenses.findings.times', { count })}`}
              <Text size="xs" c="dimmed" ff="monospace" mt={4}>
                {finding.code}
              </Text>
            </Alert>
          ))
        )}
      </Stack>
    </Paper>
  );
}

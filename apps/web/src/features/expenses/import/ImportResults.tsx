import { Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult } from '../../../api/types';
import { expensesKeys, getExpense } from '../expenses.api';
import { uniqueFindings } from '../findings';
import { SubmitAllDrafts } from './SubmitAllDrafts';
import type { ImportRow } from './useCfdiImport';

const STATUS_COLORS = { created: 'teal', duplicate: 'yellow', rejected: 'red' } as const;
const badge = { tt: 'none' as const, styles: { label: { overflow: 'visible' } } };

/** The expense a duplicate CFDI is already in, by its concept when it can be read. */
function ExistingExpense({ id, organizationId }: { id: string; organizationId: string }) {
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: expensesKeys.detail(organizationId, id),
    queryFn: () => getExpense(id),
    retry: false,
  });
  return (
    <Text size="sm">
      {t('expenses.import.duplicateOf')}{' '}
      <Anchor component={Link} to={`/app/gastos/${id}`} size="sm">
        {existing.data?.concept ?? t('expenses.import.existingExpense')}
      </Anchor>
    </Text>
  );
}

function Detail({ result, organizationId }: { result: ImportResult; organizationId: string }) {
  const { t } = useTranslation();
  const messages = uniqueFindings(result.findings.filter((finding) => finding.code !== 'CFDI_DUPLICATE'));
  return (
    <Stack gap={4}>
      {result.status === 'created' && result.expense && (
        <Anchor component={Link} to={`/app/gastos/${result.expense.id}`} size="sm" fw={500}>
          {result.expense.concept}
        </Anchor>
      )}
      {result.status === 'duplicate' &&
        (result.existingExpenseId ? (
          <ExistingExpense id={result.existingExpenseId} organizationId={organizationId} />
        ) : (
          <Text size="sm">{result.findings[0]?.message}</Text>
        ))}
      {messages.length > 0 && (
        <List size="sm" spacing={2}>
          {messages.map(({ finding, count, key }) => (
            <List.Item key={key} c={finding.severity === 'error' ? 'red.9' : 'yellow.9'}>
              <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                {finding.message}
                {count > 1 && ` ${t('expenses.findings.times', { count })}`}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * The summary (N creados, N duplicados, N rechazados), once the import is over the button that
 * sends every draft it created to approval, and one row per CFDI.
 */
export function ImportResults({
  results,
  organizationId,
  running,
}: {
  results: ImportRow[];
  organizationId: string;
  running: boolean;
}) {
  const { t } = useTranslation();
  const count = (status: ImportResult['status']) =>
    results.filter((result) => result.status === status).length;
  const drafts = results.flatMap((result) =>
    result.status === 'created' && result.expense?.status === 'draft' ? [result.expense] : [],
  );
  return (
    <Stack component="section" aria-labelledby="import-results" gap="sm">
      <Title order={2} size="h3" id="import-results">
        {t('expenses.import.resultsTitle')}
      </Title>
      <Group gap="xs" role="status">
        <Badge {...badge} size="lg" color="teal" variant="light">
          {t('expenses.import.summary.created', { count: count('created') })}
        </Badge>
        <Badge {...badge} size="lg" color="yellow" variant="light" c="yellow.9">
          {t('expenses.import.summary.duplicate', { count: count('duplicate') })}
        </Badge>
        <Badge {...badge} size="lg" color="red" variant="light">
          {t('expenses.import.summary.rejected', { count: count('rejected') })}
        </Badge>
      </Group>
      {!running && drafts.length > 0 && <SubmitAllDrafts drafts={drafts} />}
      <Table.ScrollContainer minWidth={560} visibleFrom="sm">
        <Table verticalSpacing="sm" striped aria-labelledby="import-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('expenses.import.file')}</Table.Th>
              <Table.Th>{t('expenses.import.status')}</Table.Th>
              <Table.Th>{t('expenses.import.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.map((result) => (
              <Table.Tr key={result.key}>
                <Table.Td miw={170} maw={260}>
                  <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {result.file}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={result.status} />
                </Table.Td>
                <Table.Td>
                  <Detail result={result} organizationId={organizationId} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack hiddenFrom="sm" gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {results.map((result) => (
          <Card component="li" key={result.key} withBorder padding="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {result.file}
                </Text>
                <StatusBadge status={result.status} />
              </Group>
              <Detail result={result} organizationId={organizationId} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function StatusBadge({ status }: { status: ImportResult['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="light" color={STATUS_COLORS[status]} style={{ flexShrink: 0 }}>
      {t(`expenses.import.statuses.${status}`)}
    </Badge>
  );
}

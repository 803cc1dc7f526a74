import { Alert, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { JOURNAL_FILE_FORMATS, journalUrl } from './journal-exports';
import { useReportFilters } from './report-filters';
import { SatPolizasForm } from './SatPolizasForm';

/**
 * "Pólizas contables": the journal entries of the replenishments paid in the report's period, as
 * files for people (Excel, CSV), for CONTPAQi and Aspel COI, and the SAT's XML of one month.
 */
export function JournalExports() {
  const { t, i18n } = useTranslation();
  // The same period as the dashboard above (it lives in the address); here it counts payment dates.
  const { filters } = useReportFilters();
  const reversed = !!filters.from && !!filters.to && filters.from > filters.to;
  const scoped = !!filters.fundId || !!filters.costCenterId;
  const date = (value?: string) => (value ? formatDate(value, i18n.language) : '…');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="journal-exports-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="journal-exports-title">
            {t('reports.journal.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.journal.subtitle')}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={500}>
            {t('reports.journal.period', { from: date(filters.from), to: date(filters.to) })}
          </Text>
          <Text size="xs" c="dimmed">
            {scoped ? t('reports.journal.periodHintScoped') : t('reports.journal.periodHint')}
          </Text>
        </div>
        {reversed ? (
          <Alert color="orange" variant="light">
            {t('reports.rangeReversed')}
          </Alert>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {JOURNAL_FILE_FORMATS.map((format) => (
              <Group component="li" key={format} gap="sm" wrap="nowrap" align="center">
                <Button
                  component="a"
                  href={journalUrl(format, filters)}
                  download
                  variant="default"
                  size="xs"
                  w={104}
                  style={{ flexShrink: 0 }}
                >
                  {t(`reports.journal.formats.${format}.label`)}
                </Button>
                <Text size="sm" c="dimmed">
                  {t(`reports.journal.formats.${format}.hint`)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <Divider />
        <SatPolizasForm />
      </Stack>
    </Paper>
  );
}

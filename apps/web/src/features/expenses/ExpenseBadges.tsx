import { Badge, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Expense, ExpenseStatus, Finding } from '../../api/types';
import {
  type FindingLabel,
  findingLabel,
  SAT_COLORS,
  STATUS_COLORS,
  satLabel,
  uniqueFindings,
} from './findings';

const badge = { tt: 'none' as const, styles: { label: { overflow: 'visible' } } };

export function ExpenseStatusBadge({ status }: { status: ExpenseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="light" color={STATUS_COLORS[status]}>
      {t(`expenses.status.${status}`)}
    </Badge>
  );
}

/**
 * Findings as badges, errors red and warnings yellow: one per kind and severity, its Spanish
 * messages in the tooltip (and read out to screen readers).
 */
export function FindingBadges({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('expenses.findings.none')}
      </Text>
    );
  }
  const groups = new Map<
    string,
    { label: FindingLabel; severity: Finding['severity']; messages: string[] }
  >();
  for (const { finding } of uniqueFindings(findings)) {
    const label = findingLabel(finding);
    const key = `${finding.severity}:${label}`;
    const group = groups.get(key) ?? { label, severity: finding.severity, messages: [] };
    group.messages.push(finding.message);
    groups.set(key, group);
  }
  return (
    <Group gap={4} wrap="wrap">
      {[...groups].map(([key, { label, severity, messages }]) => (
        <Tooltip
          key={key}
          label={<TooltipMessages messages={messages} />}
          multiline
          w={320}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <Badge
            {...badge}
            tabIndex={0}
            variant="light"
            color={severity === 'error' ? 'red' : 'yellow'}
            c={severity === 'error' ? 'red.9' : 'yellow.9'}
            style={{ cursor: 'help' }}
          >
            {t(`expenses.findings.labels.${label}`)}
            {messages.length > 1 && ` (${messages.length})`}
            <VisuallyHidden>{`. ${t(`expenses.findings.severity.${severity}`)}: ${messages.join(' ')}`}</VisuallyHidden>
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

function TooltipMessages({ messages }: { messages: string[] }) {
  if (messages.length === 1) return messages[0];
  return (
    <Stack gap={4}>
      {messages.map((message) => (
        <Text key={message} size="xs">
          • {message}
        </Text>
      ))}
    </Stack>
  );
}

/** The CFDI's status at SAT; an expense without CFDI has nothing to verify. */
export function SatBadge({ expense }: { expense: Pick<Expense, 'cfdi' | 'sat'> }) {
  const { t } = useTranslation();
  if (!expense.cfdi) {
    return (
      <Badge {...badge} variant="outline" color="gray">
        {t('expenses.sat.noCfdi')}
      </Badge>
    );
  }
  const label = satLabel(expense.sat.status);
  return (
    <Badge {...badge} variant={label === 'noVerificado' ? 'outline' : 'light'} color={SAT_COLORS[label]}>
      {t(`expenses.sat.${label}`)}
    </Badge>
  );
}

export function InvoicePendingBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="light" color="orange">
      {t('expenses.invoicePending')}
    </Badge>
  );
}

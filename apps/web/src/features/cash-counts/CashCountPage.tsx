import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayOperateFund, useSession } from '../../api/session';
import { RecordLoadState } from '../../app/RecordLoadState';
import { useFund } from '../funds/funds.hooks';
import { CashCountForm } from './CashCountForm';
import { CashCountHistory } from './CashCountHistory';
import { CashCountSaved } from './CashCountSaved';
import type { CashCount } from './cash-counts.api';

/** `/app/fondos/:id/arqueo`: count the fund's cash by denomination, and its earlier counts. */
export function CashCountPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const fund = useFund(me.organization.id, id);
  const [saved, setSaved] = useState<CashCount | null>(null);

  if (!fund.isSuccess) {
    return (
      <RecordLoadState
        query={fund}
        back={
          <Anchor component={Link} to="/app/fondos" size="sm">
            {t('funds.back')}
          </Anchor>
        }
        notFound={t('funds.notFound')}
      />
    );
  }

  const data = fund.data;
  const refusal =
    data.status !== 'open' ? 'closed' : mayOperateFund(me, data) ? null : ('notOperator' as const);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/app/fondos/${data.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('cashCounts.back', { name: data.name })}
        </Anchor>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {t('cashCounts.title', { name: data.name })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('funds.custodianOf', { name: data.custodian.name })}
        </Text>
        {!saved && refusal === null && <Text size="sm">{t('cashCounts.subtitle')}</Text>}
      </Stack>
      {saved ? (
        <CashCountSaved count={saved} fund={data} onAnother={() => setSaved(null)} />
      ) : refusal === null ? (
        <CashCountForm key={data.id} fund={data} me={me} onSaved={setSaved} />
      ) : (
        <Alert color="gray" variant="light">
          {t(`cashCounts.refused.${refusal}`)}
        </Alert>
      )}
      <CashCountHistory fundId={data.id} organizationId={me.organization.id} />
    </Stack>
  );
}

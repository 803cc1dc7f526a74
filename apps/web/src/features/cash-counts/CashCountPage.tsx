import { Alert, Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { mayOperateFund, useSession } from '../../api/session';
import { ErrorAlert } from '../../app/problem';
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

  if (fund.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (fund.isError) {
    return (
      <Stack maw={640}>
        <Anchor component={Link} to="/app/fondos" size="sm">
          {t('funds.back')}
        </Anchor>
        {isApiError(fund.error) && fund.error.status === 404 ? (
          <Alert color="gray" variant="light">
            {t('funds.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={fund.error} />
        )}
      </Stack>
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

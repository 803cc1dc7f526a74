import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { canReadFiscalData, isOwner, useSession } from '../../api/session';
import type { Me } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { FiscalDataForm } from './FiscalDataForm';
import { fiscalDataKeys, getFiscalCatalog, getFiscalData } from './fiscal-data.api';

/** `/app/datos-fiscales`: the data the organization's CFDI carry, as on its Constancia de Situación Fiscal. */
export function FiscalDataPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1} size="h2">
          {t('fiscalData.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('fiscalData.subtitle')}
        </Text>
      </div>
      {canReadFiscalData(me) ? <FiscalDataSection key={me.organization.id} me={me} /> : <NoAccess />}
    </Stack>
  );
}

function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light">
      {t('fiscalData.noAccess')}
    </Alert>
  );
}

function FiscalDataSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const owner = isOwner(me);
  const data = useQuery({ queryKey: fiscalDataKeys.data(me.organization.id), queryFn: getFiscalData });
  const catalog = useQuery({
    queryKey: fiscalDataKeys.catalog,
    queryFn: getFiscalCatalog,
    staleTime: Infinity,
  });

  if (data.isPending || catalog.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isApiError(data.error) && data.error.status === 403) return <NoAccess />;
  if (data.isError || catalog.isError) return <ErrorAlert error={data.error ?? catalog.error} />;

  const notSet = data.data === null;
  return (
    <Stack>
      {notSet && (
        <Alert
          color="blue"
          variant="light"
          title={t(owner ? 'fiscalData.notSet.title' : 'fiscalData.notSet.readOnlyTitle')}
        >
          {t(owner ? 'fiscalData.notSet.body' : 'fiscalData.notSet.readOnlyBody')}
        </Alert>
      )}
      {!owner && !notSet && (
        <Alert color="gray" variant="light">
          {t('fiscalData.readOnly')}
        </Alert>
      )}
      {data.data && (
        <Text size="sm" c="dimmed">
          {t('fiscalData.updatedAt', { date: formatDateTime(data.data.updatedAt, i18n.language) })}
        </Text>
      )}
      {(owner || !notSet) && (
        <FiscalDataForm
          initial={data.data}
          catalog={catalog.data}
          organizationId={me.organization.id}
          readOnly={!owner}
        />
      )}
    </Stack>
  );
}

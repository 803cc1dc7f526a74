import { Alert, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../app/problem';
import { PageHeader } from '../settings/PageHeader';
import { InvoicesTable } from './InvoicesTable';
import { canReadInvoices } from './invoices.api';
import { useInvoices } from './invoices.hooks';

/** `/app/facturas`: the CFDIs CajaChica issued to the organization for its subscription, to download. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="lg">
      <PageHeader title={t('invoices.title')} subtitle={t('invoices.subtitle')} />
      {canReadInvoices(me) ? (
        <InvoicesSection key={me.organization.id} organizationId={me.organization.id} />
      ) : (
        <NoAccess />
      )}
    </Stack>
  );
}

function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light">
      {t('invoices.noAccess')}
    </Alert>
  );
}

function InvoicesSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const invoices = useInvoices(organizationId);

  if (invoices.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  // Roles can change while the page is open: the server's word wins over the menu's.
  if (isApiError(invoices.error) && invoices.error.status === 403) return <NoAccess />;
  // A failed poll keeps the list it had: the table stays, the error shows above it.
  if (!invoices.data) return <ErrorAlert error={invoices.error} />;
  if (invoices.data.data.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">{t('invoices.empty')}</Text>
      </Paper>
    );
  }
  return (
    <>
      <ErrorAlert error={invoices.error} />
      <InvoicesTable invoices={invoices.data.data} />
    </>
  );
}

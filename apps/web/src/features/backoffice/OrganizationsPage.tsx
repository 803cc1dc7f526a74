import { Badge, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import {
  formatLongDay,
  formatLongInstant,
  formatShortDateTime,
  STATUS_COLORS,
} from '../subscription/subscription-format';
import { type BackofficeOrganization, backofficeKeys, listOrganizations } from './backoffice.api';
import { usePagedList } from './backoffice.hooks';
import { ListState, LoadMore } from './ListState';

/** `/operador/organizaciones`: every customer, newest first, with its subscription; search by name or email. */
export function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { list, rows } = usePagedList(backofficeKeys.organizations(debounced), (cursor) =>
    listOrganizations(debounced, cursor),
  );
  const label = t('backoffice.organizations.title');

  return (
    <Stack gap="lg">
      <PageHeader title={label} subtitle={t('backoffice.organizations.subtitle')} />
      <TextInput
        type="search"
        label={t('backoffice.organizations.search')}
        placeholder={t('backoffice.organizations.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <ListState list={list} count={rows.length} empty={t('backoffice.organizations.empty')} />
      {rows.length > 0 && (
        <CatalogTable<BackofficeOrganization>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.organizations.name'),
              render: (org) => (
                <div>
                  <Text size="sm" fw={500}>
                    {org.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {org.ownerEmail ?? '—'}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.organizations.status'),
              render: (org) =>
                org.status ? (
                  <Badge color={STATUS_COLORS[org.status]} variant="dot" tt="none" miw="max-content">
                    {t(`subscription.status.${org.status}`)}
                  </Badge>
                ) : (
                  '—'
                ),
            },
            {
              label: t('backoffice.organizations.plan'),
              render: (org) => (
                <Text size="sm">
                  {org.plan ? t(`subscription.planShort.${org.plan}`) : '—'}
                  {org.nextPlan && (
                    <Text span size="xs" c="dimmed" display="block">
                      {t('backoffice.organizations.paidAhead', {
                        plan: t(`subscription.planShort.${org.nextPlan}`),
                      })}
                    </Text>
                  )}
                </Text>
              ),
            },
            {
              label: t('backoffice.organizations.trialEnds'),
              render: (org) => (
                <Text size="sm">
                  {org.trialEndsAt ? formatLongInstant(org.trialEndsAt, i18n.language) : '—'}
                </Text>
              ),
            },
            {
              label: t('backoffice.organizations.periodEnds'),
              render: (org) => (
                <Text size="sm">
                  {org.currentPeriodEnd ? formatLongDay(org.currentPeriodEnd, i18n.language) : '—'}
                </Text>
              ),
            },
            {
              label: t('backoffice.organizations.readOnly'),
              render: (org) =>
                org.readOnly ? (
                  <Badge color="red" variant="light" tt="none">
                    {t('backoffice.organizations.readOnlyYes')}
                  </Badge>
                ) : (
                  <Text size="sm">{t('backoffice.organizations.readOnlyNo')}</Text>
                ),
            },
            {
              label: t('backoffice.organizations.created'),
              render: (org) => (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDateTime(org.createdAt, i18n.language)}
                </Text>
              ),
            },
          ]}
        />
      )}
      <LoadMore list={list} />
    </Stack>
  );
}

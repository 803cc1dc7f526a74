import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useUsableFunds } from '../funds/funds.hooks';
import { AdvancesList } from './AdvancesList';
import { mayHandOut } from './advance-access';
import type { AdvanceStatus } from './advances.api';
import { NewAdvanceModal } from './NewAdvanceModal';

type Filter = AdvanceStatus | 'all';

/** `/app/anticipos`: advances (gastos por comprobar), open ones first by default. */
export function AdvancesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const usable = useUsableFunds(me);
  const [filter, setFilter] = useState<Filter>('open');
  const [opened, modal] = useDisclosure(false);
  const canHandOut = mayHandOut(me, usable);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('advances.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('advances.subtitle')}
          </Text>
        </div>
        {canHandOut && <Button onClick={modal.open}>{t('advances.new')}</Button>}
      </Group>
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={[
          { value: 'open', label: t('advances.filter.open') },
          { value: 'settled', label: t('advances.filter.settled') },
          { value: 'all', label: t('advances.filter.all') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('advances.filter.label')}
      />
      <AdvancesList
        key={`${me.organization.id}-${filter}`}
        organizationId={me.organization.id}
        status={filter === 'all' ? undefined : filter}
      />
      {canHandOut && <NewAdvanceModal opened={opened} onClose={modal.close} me={me} />}
    </Stack>
  );
}

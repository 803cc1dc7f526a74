import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { canManageFunds, useSession } from '../../api/session';
import { FundsList } from './FundsList';
import { OpenFundModal } from './OpenFundModal';

/** `/app/fondos`: the organization's petty-cash funds; administrators open new ones. */
export function FundsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, modal] = useDisclosure(false);
  const canManage = canManageFunds(me);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('funds.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('funds.subtitle')}
          </Text>
        </div>
        {canManage && <Button onClick={modal.open}>{t('funds.open')}</Button>}
      </Group>
      <FundsList key={me.organization.id} organizationId={me.organization.id} canManage={canManage} />
      {canManage && <OpenFundModal opened={opened} onClose={modal.close} me={me} />}
    </Stack>
  );
}

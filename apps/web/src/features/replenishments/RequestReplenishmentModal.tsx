import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Fund } from '../../api/types';
import { formatDate, formatMoney } from '../../app/format';
import { fromCentavos, toCentavos } from '../../app/money';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { fundsKeys } from '../funds/funds.api';
import { voucherAmount, voucherTitle } from './ReplenishmentBadges';
import {
  eligibleVouchers,
  replenishmentsKeys,
  requestReplenishment,
  type Voucher,
} from './replenishments.api';

interface Props {
  fund: Fund;
  organizationId: string;
  opened: boolean;
  onClose: () => void;
}

const keyOf = (voucher: Voucher) => `${voucher.sourceType}:${voucher.id}`;

/** Exact centavos of a voucher's amount (an overage is negative), never through a float. */
function centavosOf(amount: string): bigint {
  const negative = amount.startsWith('-');
  const centavos = toCentavos(negative ? amount.slice(1) : amount) ?? 0n;
  return negative ? -centavos : centavos;
}

/** "Solicitar reposición": the fund's approved vouchers with checkboxes and the total of those chosen. */
export function RequestReplenishmentModal({ fund, organizationId, opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const eligible = useQuery({
    queryKey: replenishmentsKeys.eligible(organizationId, fund.id),
    queryFn: () => eligibleVouchers(fund.id),
    enabled: opened,
  });
  const vouchers = eligible.data?.vouchers ?? [];
  // Chosen by default: every voucher but the CFDI SAT reports cancelled. Null until the person changes it.
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const selected = chosen ?? new Set(vouchers.filter((v) => !v.satCancelled).map(keyOf));
  const picked = vouchers.filter((voucher) => selected.has(keyOf(voucher)));
  const total = picked.reduce((sum, voucher) => sum + centavosOf(voucher.amount), 0n);
  const request = useMutation({
    mutationFn: () =>
      requestReplenishment({
        fundId: fund.id,
        expenseIds: picked.filter((v) => v.sourceType === 'expense').map((v) => v.id),
        cashCountIds: picked.filter((v) => v.sourceType === 'cash_count').map((v) => v.id),
      }),
    onSuccess: async (created) => {
      notifySuccess(
        t('replenishments.request.done', {
          folio: created.folio,
          total: formatMoney(created.total, i18n.language),
        }),
      );
      queryClient.setQueryData(replenishmentsKeys.detail(organizationId, created.id), created);
      close();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: replenishmentsKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
      ]);
      navigate(`/app/reposiciones/${created.id}`);
    },
  });

  function close() {
    setChosen(null);
    request.reset();
    onClose();
  }
  function toggle(voucher: Voucher, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(keyOf(voucher));
    else next.delete(keyOf(voucher));
    setChosen(next);
  }
  const allChosen = vouchers.length > 0 && picked.length === vouchers.length;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('replenishments.request.title', { name: fund.name })}
      size="lg"
      fullScreen={phone}
    >
      <Stack>
        <Text size="sm">{t('replenishments.request.body')}</Text>
        {eligible.isPending && (
          <Center py="lg">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        <ErrorAlert error={eligible.error} />
        {eligible.isSuccess && vouchers.length === 0 && (
          <Alert color="gray" variant="light">
            {t('replenishments.request.empty')}
          </Alert>
        )}
        {vouchers.length > 0 && (
          <>
            <Checkbox
              label={t('replenishments.request.selectAll')}
              checked={allChosen}
              indeterminate={picked.length > 0 && !allChosen}
              onChange={(event) => setChosen(new Set(event.currentTarget.checked ? vouchers.map(keyOf) : []))}
            />
            <ScrollArea.Autosize mah={phone ? undefined : '50vh'} type="auto">
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {vouchers.map((voucher) => (
                  <Group
                    component="li"
                    key={keyOf(voucher)}
                    justify="space-between"
                    wrap="nowrap"
                    align="flex-start"
                  >
                    <Checkbox
                      checked={selected.has(keyOf(voucher))}
                      onChange={(event) => toggle(voucher, event.currentTarget.checked)}
                      label={voucherTitle(voucher, t)}
                      description={[
                        formatDate(voucher.date, i18n.language),
                        voucher.expense?.supplier.name,
                        voucher.satCancelled ? t('replenishments.items.cancelledFlag') : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    />
                    <Text
                      size="sm"
                      fw={500}
                      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {voucherAmount(voucher, i18n.language)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </>
        )}
        <ErrorAlert error={request.error} />
        <Group justify="space-between" align="center">
          <div>
            <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }} aria-live="polite">
              {t('replenishments.request.total', { total: formatMoney(fromCentavos(total), i18n.language) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('replenishments.request.selected', { count: picked.length, total: vouchers.length })}
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => request.mutate()} loading={request.isPending} disabled={total <= 0n}>
              {t('replenishments.request.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

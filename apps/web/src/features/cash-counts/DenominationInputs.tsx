import { Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { BILLS, COINS, type Piece, parseQuantity, pieceLabel, pieceTotal } from './denominations';
import type { CountFormValues } from './useCashCountForm';

/** Bills, then coins: one big numeric field per denomination, with the value of the pieces typed. */
export function DenominationInputs({ form }: { form: UseFormReturnType<CountFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <PieceGroup title={t('cashCounts.bills')} pieces={BILLS} form={form} />
      <PieceGroup title={t('cashCounts.coins')} pieces={COINS} form={form} />
    </>
  );
}

function PieceGroup({
  title,
  pieces,
  form,
}: {
  title: string;
  pieces: Piece[];
  form: UseFormReturnType<CountFormValues>;
}) {
  const { t, i18n } = useTranslation();
  const quantities = form.getValues().quantities;
  return (
    <Card withBorder padding="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" component="legend" mb="sm" px={4}>
        {title}
      </Title>
      <Stack gap="xs">
        {pieces.map((piece) => {
          const quantity = parseQuantity(quantities[piece.key] ?? '');
          const label = t(piece.kind === 'bill' ? 'cashCounts.billOf' : 'cashCounts.coinOf', {
            value: pieceLabel(piece),
          });
          return (
            <Group key={piece.key} wrap="nowrap" gap="sm" align="flex-start">
              <Text fw={700} fz="lg" w={64} pt={8} aria-hidden style={{ fontVariantNumeric: 'tabular-nums' }}>
                {pieceLabel(piece)}
              </Text>
              <TextInput
                aria-label={label}
                size="lg"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                placeholder="0"
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`quantities.${piece.key}`)}
              />
              <Text
                w={{ base: 96, xs: 120 }}
                ta="right"
                pt={10}
                c={quantity ? undefined : 'dimmed'}
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
              >
                {formatMoney(pieceTotal(piece, quantity ?? 0), i18n.language)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

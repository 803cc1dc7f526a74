import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import {
  downloadSatXml,
  NUM_ORDEN,
  NUM_TRAMITE,
  needsOrderNumber,
  recentMonths,
  type SatXmlRequest,
  TIPOS_SOLICITUD,
  type TipoSolicitud,
} from './journal-exports';

interface Values {
  month: string;
  tipoSolicitud: TipoSolicitud | '';
  number: string;
}

/** "noviembre de 2026" for "2026-11". */
const monthLabel = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/**
 * The SAT's XML of pólizas (Anexo 24) for one month, asked for an audit or compulsa (with the order's
 * number) or for a refund or offset (with the procedure's number).
 */
export function SatPolizasForm() {
  const { t, i18n } = useTranslation();
  const months = useMemo(
    () => recentMonths().map((value) => ({ value, label: monthLabel(value, i18n.language) })),
    [i18n.language],
  );
  const form = useForm<Values>({
    initialValues: { month: months[0]?.value ?? '', tipoSolicitud: '', number: '' },
    validate: {
      month: (value) => (value ? null : t('reports.journal.sat.monthRequired')),
      tipoSolicitud: (value) => (value ? null : t('reports.journal.sat.tipoRequired')),
      number: (value, values) => {
        if (!values.tipoSolicitud) return null;
        const order = needsOrderNumber(values.tipoSolicitud);
        if (value === '')
          return t(order ? 'reports.journal.sat.ordenRequired' : 'reports.journal.sat.tramiteRequired');
        if (!(order ? NUM_ORDEN : NUM_TRAMITE).test(value))
          return t(order ? 'reports.journal.sat.ordenPattern' : 'reports.journal.sat.tramitePattern');
        return null;
      },
    },
  });
  const download = useMutation({
    mutationFn: downloadSatXml,
    onSuccess: (fileName) => notifySuccess(t('reports.journal.sat.done', { fileName })),
    // The server names numOrden/numTramite and from/to; here they are one field each.
    onError: (error) =>
      applyFieldErrors(form, error, { numOrden: 'number', numTramite: 'number', from: 'month', to: 'month' }),
  });
  const tipo = form.values.tipoSolicitud;
  // A refusal (e.g. a month without pólizas) speaks of what was sent: changing a field clears it.
  const sent = download.variables;
  const stillSent =
    !!sent &&
    sent.month === form.values.month &&
    sent.tipoSolicitud === tipo &&
    sent.number === form.values.number;
  const order = tipo !== '' && needsOrderNumber(tipo);

  return (
    <form
      noValidate
      aria-labelledby="sat-xml-title"
      onSubmit={form.onSubmit((values) => download.mutate(values as SatXmlRequest))}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="sat-xml-title">
            {t('reports.journal.sat.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.journal.sat.hint')}
          </Text>
        </div>
        <FormErrorAlert error={stillSent ? download.error : null} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('reports.journal.sat.month')}
            data={months}
            required
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('month')}
          />
          <Select
            label={t('reports.journal.sat.tipo')}
            placeholder={t('reports.journal.sat.tipoPlaceholder')}
            data={TIPOS_SOLICITUD.map((value) => ({
              value,
              label: `${value} · ${t(`reports.journal.sat.tipos.${value}`)}`,
            }))}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('tipoSolicitud')}
            onChange={(value) => {
              // An order number is not a procedure number: the other kind starts empty.
              form.setValues({ tipoSolicitud: (value ?? '') as TipoSolicitud | '', number: '' });
              form.clearFieldError('tipoSolicitud');
            }}
          />
          {tipo !== '' && (
            <TextInput
              label={t(order ? 'reports.journal.sat.orden' : 'reports.journal.sat.tramite')}
              description={t(order ? 'reports.journal.sat.ordenHint' : 'reports.journal.sat.tramiteHint')}
              // Below the input, so the three inputs line up on one row.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={order ? 'ABC1234567/26' : 'AB123456789012'}
              required
              maxLength={order ? 13 : 14}
              autoComplete="off"
              {...form.getInputProps('number')}
              onChange={(event) =>
                form.setFieldValue('number', event.currentTarget.value.toUpperCase().replace(/\s/g, ''))
              }
            />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="default" loading={download.isPending}>
            {t('reports.journal.sat.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

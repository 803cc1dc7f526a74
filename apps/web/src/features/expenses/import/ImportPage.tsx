import { Alert, Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canRecordExpenses, useSession } from '../../../api/session';
import { useUsableFunds } from '../../funds/funds.hooks';
import { DropZone } from './DropZone';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResults } from './ImportResults';
import { SelectedFiles } from './SelectedFiles';
import { type PickedFile, pickFile, useCfdiImport } from './useCfdiImport';

/** A file dropped beside the zone would make the browser leave the page to open it. */
function usePreventStrayDrops() {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** `/app/gastos/importar`: CFDI XML or ZIP files become draft expenses, optionally paid from a fund. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params] = useSearchParams();
  const usable = useUsableFunds(me);
  const [fundId, setFundId] = useState<string | null>(params.get('caja'));
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const cfdiImport = useCfdiImport(t('expenses.import.requestFailed'));
  usePreventStrayDrops();

  const fundOptions = usable.map((fund) => ({ value: fund.id, label: fund.name }));
  const start = async () => {
    const chosen = files.map(({ file }) => file);
    setFiles([]);
    setRefused([]);
    await cfdiImport.run(chosen, fundId ?? undefined);
  };

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Anchor component={Link} to={fundId ? `/app/fondos/${fundId}` : '/app/gastos'} size="sm">
          {fundId ? t('expenses.import.backToFund') : t('expenses.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('expenses.import.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('expenses.import.subtitle')}
        </Text>
      </Stack>
      {!canRecordExpenses(me) ? (
        <Alert color="gray" variant="light">
          {t('expenses.import.noAccess')}
        </Alert>
      ) : (
        <>
          <Select
            label={t('expenses.import.fund')}
            description={t('expenses.import.fundHint')}
            placeholder={t('expenses.import.noFund')}
            data={fundOptions}
            value={fundId}
            onChange={setFundId}
            clearable
            disabled={cfdiImport.running}
            maw={480}
          />
          <DropZone
            disabled={cfdiImport.running}
            onFiles={(accepted, wrong) => {
              setFiles((previous) => [...previous, ...accepted.map(pickFile)]);
              setRefused(wrong.map((file) => file.name));
            }}
          />
          {refused.length > 0 && (
            <Alert color="orange" variant="light" role="alert" withCloseButton onClose={() => setRefused([])}>
              {t('expenses.import.wrongType', { names: refused.join(', ') })}
            </Alert>
          )}
          <SelectedFiles
            files={files}
            disabled={cfdiImport.running}
            onRemove={(key) => setFiles((previous) => previous.filter((picked) => picked.key !== key))}
          />
          <Group>
            <Button onClick={start} disabled={files.length === 0} loading={cfdiImport.running}>
              {t('expenses.import.submit', { count: files.length })}
            </Button>
            {files.length > 0 && !cfdiImport.running && (
              <Button variant="subtle" color="gray" onClick={() => setFiles([])}>
                {t('expenses.import.clear')}
              </Button>
            )}
          </Group>
          {cfdiImport.progress && (
            <ImportProgressBar progress={cfdiImport.progress} running={cfdiImport.running} />
          )}
          {cfdiImport.results.length > 0 && (
            <ImportResults
              results={cfdiImport.results}
              organizationId={me.organization.id}
              running={cfdiImport.running}
            />
          )}
        </>
      )}
    </Stack>
  );
}

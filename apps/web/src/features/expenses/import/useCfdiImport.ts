import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import type { ImportResult } from '../../../api/types';
import { fundsKeys } from '../../funds/funds.api';
import { expensesKeys, importCfdis } from '../expenses.api';

/** XML files travel 25 per request, so the progress bar moves and no request grows too large. */
export const XML_BATCH = 25;

export const isZip = (file: File) => /\.zip$/i.test(file.name);
export const isXml = (file: File) => /\.xml$/i.test(file.name);

/** A result with a stable key for its table row. */
export interface ImportRow extends ImportResult {
  key: number;
}

/** A file chosen for import, with a stable key for its list row. */
export interface PickedFile {
  key: number;
  file: File;
}

let nextKey = 0;
const withKey = (result: ImportResult): ImportRow => ({ ...result, key: nextKey++ });
export const pickFile = (file: File): PickedFile => ({ key: nextKey++, file });

export interface ImportProgress {
  /** Files (as chosen: a ZIP counts once) already answered by the server. */
  done: number;
  total: number;
  /** The request in flight: how many files it carries, its bytes sent, and whether it is a ZIP. */
  upload: { name: string; files: number; loaded: number; total: number; zip: boolean } | null;
}

/** Requests: every ZIP alone (its upload progress shows), XML files in batches of 25. */
export function planBatches(files: readonly File[]): File[][] {
  const xmls = files.filter((file) => !isZip(file));
  const batches = files.filter(isZip).map((zip) => [zip]);
  for (let start = 0; start < xmls.length; start += XML_BATCH)
    batches.push(xmls.slice(start, start + XML_BATCH));
  return batches;
}

/** A request that failed as a whole: each of its files is reported rejected with the server's reason. */
function failedBatch(files: File[], error: unknown, fallback: string): ImportResult[] {
  const message = error instanceof ApiError && error.detail ? error.detail : fallback;
  const code = error instanceof ApiError ? (error.code ?? `HTTP_${error.status}`) : 'UPLOAD_FAILED';
  return files.map((file) => ({
    file: file.name,
    status: 'rejected' as const,
    findings: [{ code, severity: 'error' as const, message }],
  }));
}

export function useCfdiImport(fallbackError: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [results, setResults] = useState<ImportRow[]>([]);
  const [running, setRunning] = useState(false);

  async function run(files: readonly File[], fundId: string | undefined) {
    setRunning(true);
    setResults([]);
    let done = 0;
    setProgress({ done, total: files.length, upload: null });
    try {
      for (const batch of planBatches(files)) {
        const first = batch[0];
        const zip = first !== undefined && isZip(first);
        const name = zip && first ? first.name : '';
        let answered: ImportResult[];
        setProgress({
          done,
          total: files.length,
          upload: { name, files: batch.length, loaded: 0, total: 0, zip },
        });
        try {
          const response = await importCfdis(batch, fundId, ({ loaded, total }) =>
            setProgress({
              done,
              total: files.length,
              upload: { name, files: batch.length, loaded, total, zip },
            }),
          );
          answered = response.results;
        } catch (error) {
          answered = failedBatch(batch, error, fallbackError);
        }
        done += batch.length;
        setResults((previous) => [...previous, ...answered.map(withKey)]);
        setProgress({ done, total: files.length, upload: null });
      }
    } finally {
      setRunning(false);
      // New expenses, and cash that left the fund: lists and balances refetch.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
      ]);
    }
  }

  function reset() {
    setProgress(null);
    setResults([]);
  }

  return { run, reset, progress, results, running };
}

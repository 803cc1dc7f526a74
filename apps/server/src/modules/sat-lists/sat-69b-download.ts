import { Readable } from 'node:stream';
import type { JobQueue } from '../../platform/jobs.js';
import type { Sat69bService } from './sat-69b.service.js';

export const SAT_69B_DOWNLOAD_JOB = 'sat-69b-download';

/**
 * Keeps the 69-B list current without the operator: a daily job downloads SAT's published CSV
 * (SAT_69B_URL) and imports it. A failed download or a file that is not the list changes nothing.
 */
export function scheduleSat69bDownload(deps: {
  url: string;
  sat69b: Pick<Sat69bService, 'importList'>;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  fetch?: typeof fetch;
  log: { info(object: unknown, message: string): void };
}) {
  const get = deps.fetch ?? fetch;
  async function download() {
    const response = await get(deps.url, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok || !response.body) throw new Error(`69-B download failed: HTTP ${response.status}`);
    const result = await deps.sat69b.importList(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      deps.url,
    );
    deps.log.info({ taxpayers: result.taxpayers, reflagged: result.expensesReflagged }, '69-B list imported');
    return result;
  }
  deps.jobs.register(
    SAT_69B_DOWNLOAD_JOB,
    async () => {
      await download();
    },
    { retryLimit: 3, retryDelaySeconds: 600 },
  );
  deps.jobs.schedule(SAT_69B_DOWNLOAD_JOB, '30 6 * * *', 'America/Mexico_City');
  return { download };
}

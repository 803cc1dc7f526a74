import { ApiError, type Problem, query } from '../../api/client';
import { todayInMexico } from '../../app/format';

/** The journal files a person downloads with a plain link (the SAT's XML goes through a form). */
export const JOURNAL_FILE_FORMATS = ['xlsx', 'csv', 'contpaqi', 'aspel'] as const;
export type JournalFileFormat = (typeof JOURNAL_FILE_FORMATS)[number];

/** Anexo 24's kinds of request: AF and FC carry the order number, DE and CO the procedure number. */
export const TIPOS_SOLICITUD = ['AF', 'FC', 'DE', 'CO'] as const;
export type TipoSolicitud = (typeof TIPOS_SOLICITUD)[number];
export const needsOrderNumber = (tipo: TipoSolicitud) => tipo === 'AF' || tipo === 'FC';

// The server's patterns (journal-export-query.ts), checked here first to answer at once.
export const NUM_ORDEN = /^[A-Z]{3}[0-9]{7}\/[0-9]{2}$/;
export const NUM_TRAMITE = /^[A-Z]{2}[0-9]{12}$/;

/** Pólizas of the replenishments paid in the range, in a file for people or an accounting system. */
export const journalUrl = (format: JournalFileFormat, range: { from?: string; to?: string }) =>
  `/api/v1/exports/journal${query({ format, from: range.from, to: range.to })}`;

/** "2026-06" → the first and last day of that month, as the SAT's XML asks for one month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The months to choose from, newest first: five years back, as long as the CFF (art. 30) asks an
 * organization to keep its accounting records, which is what the SAT may ask for.
 */
export function recentMonths(count = 60, today = todayInMexico()): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, back) =>
    new Date(Date.UTC(year, month - back, 1)).toISOString().slice(0, 7),
  );
}

export interface SatXmlRequest {
  month: string;
  tipoSolicitud: TipoSolicitud;
  number: string;
}

export const satXmlUrl = ({ month, tipoSolicitud, number }: SatXmlRequest) =>
  `/api/v1/exports/journal${query({
    format: 'sat-xml',
    ...monthRange(month),
    tipoSolicitud,
    [needsOrderNumber(tipoSolicitud) ? 'numOrden' : 'numTramite']: number,
  })}`;

/** The name the server gives the file (`RFC + AAAA + MM + PL.xml`). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads the SAT's XML through fetch rather than a plain link: a month without pólizas or an
 * organization without RFC is a 422 whose Spanish reason the form shows, not a broken download.
 */
export async function downloadSatXml(request: SatXmlRequest): Promise<string> {
  let response: Response;
  try {
    response = await fetch(satXmlUrl(request), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR' });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem);
  }
  const fileName = fileNameOf(response, `polizas-${request.month}.xml`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}

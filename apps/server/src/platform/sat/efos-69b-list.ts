import { parseCsvLine } from './csv-line.js';
import { LineTooLongError, readTextLines, type TextEncodingChoice } from './text-lines.js';

/**
 * SAT's complete list of article 69-B taxpayers (EFOS), `Listado_Completo_69-B.csv`: a few
 * information lines, a header, then one row per taxpayer with 20 columns read by position,
 * because the header's wording changes between publications.
 */

export type Efos69bSituation = 'presunto' | 'desvirtuado' | 'definitivo' | 'sentencia_favorable';

/** One stage of the procedure: SAT's global notice and the DOF's, each with its publication date. */
export interface Efos69bNotice {
  satNotice?: string;
  /** ISO date (yyyy-mm-dd). */
  satPublishedAt?: string;
  dofNotice?: string;
  /** ISO date (yyyy-mm-dd). */
  dofPublishedAt?: string;
}

export interface Efos69bEntry {
  rfc: string;
  name: string;
  situation: Efos69bSituation;
  /** When the current situation was published: its DOF date, else its date on SAT's site. */
  publishedAt?: string;
  /** Only the stages the row has data for. */
  notices: Partial<Record<Efos69bSituation, Efos69bNotice>>;
  /** The row's fields as read (trimmed), for audit; the first 20 are the documented ones. */
  raw: string[];
}

export type Efos69bItem =
  | { kind: 'preamble'; line: number; text: string }
  | { kind: 'taxpayer'; line: number; taxpayer: Efos69bEntry }
  | { kind: 'invalid_row'; line: number; reason: string; text: string }
  /** The file cannot be the 69-B list (or was cut short): nothing in it should replace a list. */
  | { kind: 'invalid_file'; line?: number; reason: string };

export interface Parse69bOptions {
  /** 'auto' (default): UTF-8 when the bytes are valid UTF-8, else Windows-1252 as SAT publishes. */
  encoding?: TextEncodingChoice;
}

const COLUMN_COUNT = 20;
const HEADER_SEARCH_LINES = 10;
const MAX_REPORTED_TEXT = 300;
const RFC_PATTERN = /^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$/;
const STAGES: readonly Efos69bSituation[] = ['presunto', 'desvirtuado', 'definitivo', 'sentencia_favorable'];

function normalizeWords(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const SITUATIONS: Record<string, Efos69bSituation> = {
  presunto: 'presunto',
  desvirtuado: 'desvirtuado',
  definitivo: 'definitivo',
  'sentencia favorable': 'sentencia_favorable',
};

function readSituation(text: string): Efos69bSituation | undefined {
  const words = normalizeWords(text);
  return SITUATIONS[words] ?? SITUATIONS[words.replace(/s$/, '')];
}

/** dd/mm/yyyy → yyyy-mm-dd, only for dates that exist. */
function readDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

function readNotice(fields: string[], first: number): Efos69bNotice | undefined {
  const [satNotice, satDate, dofNotice, dofDate] = fields.slice(first, first + 4);
  const notice: Efos69bNotice = {};
  if (satNotice) notice.satNotice = satNotice;
  const satPublishedAt = readDate(satDate ?? '');
  if (satPublishedAt) notice.satPublishedAt = satPublishedAt;
  if (dofNotice) notice.dofNotice = dofNotice;
  const dofPublishedAt = readDate(dofDate ?? '');
  if (dofPublishedAt) notice.dofPublishedAt = dofPublishedAt;
  return Object.keys(notice).length > 0 ? notice : undefined;
}

function isHeader(fields: string[]): boolean {
  return normalizeWords(fields[0] ?? '') === 'no' && normalizeWords(fields[1] ?? '') === 'rfc';
}

type RowReading = { ok: true; taxpayer: Efos69bEntry } | { ok: false; reason: string };

/** `columns`: the header's count; more in a row means a comma outside quotes shifted the fields. */
function readRow(fields: string[], columns: number): RowReading {
  if (fields.length > columns) {
    return {
      ok: false,
      reason: `Tiene ${fields.length} columnas y se esperaban ${columns}: ¿una coma sin comillas?`,
    };
  }
  if (fields.length < 4)
    return { ok: false, reason: `Tiene ${fields.length} columnas y se esperaban ${columns}.` };
  const raw = fields.map((field) => field.trim());
  const rfc = (raw[1] ?? '').toUpperCase();
  if (!RFC_PATTERN.test(rfc)) return { ok: false, reason: `RFC no válido: "${raw[1] ?? ''}".` };
  const name = (raw[2] ?? '').replace(/\s+/g, ' ');
  if (name === '') return { ok: false, reason: 'Falta el nombre del contribuyente.' };
  const situation = readSituation(raw[3] ?? '');
  if (!situation) return { ok: false, reason: `Situación del contribuyente desconocida: "${raw[3] ?? ''}".` };
  const notices: Efos69bEntry['notices'] = {};
  STAGES.forEach((stage, position) => {
    const notice = readNotice(raw, 4 + position * 4);
    if (notice) notices[stage] = notice;
  });
  const current = notices[situation];
  const publishedAt = current?.dofPublishedAt ?? current?.satPublishedAt;
  return {
    ok: true,
    taxpayer: { rfc, name, situation, ...(publishedAt ? { publishedAt } : {}), notices, raw },
  };
}

const clip = (text: string) =>
  text.length > MAX_REPORTED_TEXT ? `${text.slice(0, MAX_REPORTED_TEXT)}…` : text;

/**
 * Reads the 69-B list as it streams (SAT's file has ~15,000 rows): yields each taxpayer, each
 * row it could not read (line and reason, never thrown) and, when the whole file is unusable
 * (empty, no header, no rows, not text), one final invalid_file.
 */
export async function* parse69bList(
  input: AsyncIterable<Uint8Array | string>,
  options: Parse69bOptions = {},
): AsyncGenerator<Efos69bItem> {
  let headerLine: number | undefined;
  let columns = COLUMN_COUNT;
  let seenLines = 0;
  let taxpayers = 0;
  try {
    for await (const line of readTextLines(input, { encoding: options.encoding ?? 'auto' })) {
      if (line.text.trim() === '') continue;
      seenLines += 1;
      const parsed = parseCsvLine(line.text);
      if (headerLine === undefined) {
        if (parsed.ok && isHeader(parsed.fields)) {
          headerLine = line.number;
          // SAT may append columns one day; rows are checked against the header, read by position.
          columns = Math.max(parsed.fields.length, 4);
        } else if (seenLines >= HEADER_SEARCH_LINES) {
          yield {
            kind: 'invalid_file',
            line: line.number,
            reason: `No se encontró el encabezado (No, RFC, …) en las primeras ${HEADER_SEARCH_LINES} líneas: no parece el listado 69-B.`,
          };
          return;
        } else {
          yield { kind: 'preamble', line: line.number, text: line.text.trim() };
        }
        continue;
      }
      if (!parsed.ok) {
        yield { kind: 'invalid_row', line: line.number, reason: parsed.reason, text: clip(line.text) };
        continue;
      }
      // Rows of nothing but commas pad the end of some publications.
      if (parsed.fields.every((field) => field.trim() === '')) continue;
      if (isHeader(parsed.fields)) {
        yield {
          kind: 'invalid_row',
          line: line.number,
          reason: 'Encabezado repetido.',
          text: clip(line.text),
        };
        continue;
      }
      const row = readRow(parsed.fields, columns);
      if (row.ok) {
        taxpayers += 1;
        yield { kind: 'taxpayer', line: line.number, taxpayer: row.taxpayer };
      } else {
        yield { kind: 'invalid_row', line: line.number, reason: row.reason, text: clip(line.text) };
      }
    }
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error;
    yield { kind: 'invalid_file', line: error.lineNumber, reason: error.message };
    return;
  }
  if (seenLines === 0) {
    yield { kind: 'invalid_file', reason: 'El archivo está vacío.' };
  } else if (headerLine === undefined) {
    yield {
      kind: 'invalid_file',
      reason: 'No se encontró el encabezado (No, RFC, …): no parece el listado 69-B.',
    };
  } else if (taxpayers === 0) {
    yield { kind: 'invalid_file', reason: 'El archivo no contiene ningún contribuyente válido.' };
  }
}

export interface Efos69bList {
  preamble: string[];
  taxpayers: Efos69bEntry[];
  invalidRows: { line: number; reason: string; text: string }[];
  /** Set when the file must not be used as the list. */
  fileError?: string;
}

/** parse69bList gathered into arrays (the whole list is a few MB in memory). */
export async function read69bList(
  input: AsyncIterable<Uint8Array | string>,
  options: Parse69bOptions = {},
): Promise<Efos69bList> {
  const list: Efos69bList = { preamble: [], taxpayers: [], invalidRows: [] };
  for await (const item of parse69bList(input, options)) {
    if (item.kind === 'preamble') list.preamble.push(item.text);
    else if (item.kind === 'taxpayer') list.taxpayers.push(item.taxpayer);
    else if (item.kind === 'invalid_row')
      list.invalidRows.push({ line: item.line, reason: item.reason, text: item.text });
    else list.fileError = item.reason;
  }
  return list;
}

import { REGIMENES_FISCALES } from '@cajachica/cfdi';
import { type Line, squash } from './constancia-lines.js';

/**
 * The "Regímenes:" table of a CSF (Régimen, Fecha Inicio, Fecha Fin), and the c_RegimenFiscal
 * entry each of its régimenes names.
 */

export interface ConstanciaRegime {
  /** As printed, e.g. "Régimen General de Ley Personas Morales". */
  printedName: string;
  /** ISO dates from the table's "Fecha Inicio" and "Fecha Fin" (a filled end: no longer active). */
  startDate?: string;
  endDate?: string;
  /** The c_RegimenFiscal entry it names, when one matches. */
  key?: string;
  name?: string;
}

const DATE = /(\d{2})\/(\d{2})\/(\d{4})/g;
const isoDate = (match: RegExpMatchArray) => `${match[3]}-${match[2]}-${match[1]}`;

/**
 * Rows of the "Regímenes:" table, up to "Obligaciones:". Each Fecha Inicio anchors a row; the
 * régimen's words (which may wrap in their column) and a Fecha Fin join the nearest row.
 */
export function readRegimes(lines: Line[]): ConstanciaRegime[] {
  const startIndex = lines.findIndex((line) => line.key.startsWith('regimenes:'));
  if (startIndex === -1) return [];
  const region: Line[] = [];
  for (const line of lines.slice(startIndex + 1)) {
    if (/^(obligaciones:|actividadeseconomicas:|susdatospersonales|cadenaoriginal)/.test(line.key)) break;
    region.push(line);
  }
  interface Row {
    page: number;
    y: number;
    start: string;
    end?: string;
    names: { y: number; text: string }[];
  }
  const rows: Row[] = [];
  const ends: { page: number; y: number; size: number; date: string }[] = [];
  const names: { page: number; y: number; size: number; text: string }[] = [];
  let columns: { start: number; end?: number } | undefined;
  for (const line of region) {
    const startAt = line.key.indexOf('fechainicio');
    if (startAt !== -1) {
      const endAt = line.key.indexOf('fechafin');
      const xOf = (at: number) => line.glyphs[line.keyIndex[at] ?? 0]?.x ?? 0;
      columns = { start: xOf(startAt), end: endAt === -1 ? undefined : xOf(endAt) };
      continue;
    }
    const dates = [...line.text.matchAll(DATE)].map((match) => ({
      x: line.glyphs[match.index ?? 0]?.x ?? 0,
      date: isoDate(match),
    }));
    dates.forEach((date, i) => {
      const isEnd =
        columns?.end !== undefined ? date.x >= (columns.start + columns.end) / 2 : i > 0 && dates.length > 1;
      if (isEnd) ends.push({ page: line.page, y: line.y, size: line.size, date: date.date });
      else rows.push({ page: line.page, y: line.y, start: date.date, names: [] });
    });
    const nameEnd = columns ? columns.start - 0.3 * line.size : (dates[0]?.x ?? Infinity) - 0.3 * line.size;
    const text = squash(
      line.glyphs
        .filter((g) => g.x < nameEnd)
        .map((g) => g.c)
        .join(''),
    );
    if (text !== '') names.push({ page: line.page, y: line.y, size: line.size, text });
  }
  const nearest = (page: number, y: number, within: number) => {
    let best: Row | undefined;
    for (const row of rows) {
      if (row.page !== page || Math.abs(row.y - y) > within) continue;
      if (!best || Math.abs(row.y - y) < Math.abs(best.y - y)) best = row;
    }
    return best;
  };
  for (const end of ends) {
    const row = nearest(end.page, end.y, 1.5 * end.size);
    if (row) row.end = end.date;
  }
  for (const name of names) nearest(name.page, name.y, 2.5 * name.size)?.names.push(name);
  return rows.map((row) => {
    const printedName = squash(
      row.names
        .sort((a, b) => a.y - b.y)
        .map((n) => n.text)
        .join(' '),
    );
    const match = matchRegimenFiscal(printedName);
    return {
      printedName,
      startDate: row.start,
      ...(row.end ? { endDate: row.end } : {}),
      ...(match ? { key: match.key, name: match.name } : {}),
    };
  });
}

const STOP_WORDS = new Set([
  'regimen',
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'e',
  'o',
  'con',
  'por',
  'a',
  'en',
  'para',
  'sus',
  'que',
  'pm',
  'pf',
]);
/** Régimenes of the past that c_RegimenFiscal no longer has (they must not pass for a current one). */
const OBSOLETE_WORDS = new Set(['intermedio', 'pequeno', 'repeco']);

/** Plural and singular read alike: "actividades" and "actividad", "ingresos" and "ingreso". */
function stem(word: string): string {
  if (word.length > 4 && /[dlnr]es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function regimenWords(name: string): Set<string> {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9ñ]+/g, ' ');
  return new Set(
    plain
      .split(' ')
      .filter((word) => word !== '' && !STOP_WORDS.has(word))
      .map(stem),
  );
}

const CATALOG_WORDS = REGIMENES_FISCALES.map((regimen) => ({ regimen, words: regimenWords(regimen.name) }));

/**
 * The c_RegimenFiscal entry a CSF's régimen names. The CSF words them its own way ("Régimen de las
 * Personas Físicas con Actividades Empresariales y Profesionales" is 612, "Personas Físicas con
 * Actividades Empresariales y Profesionales" in the catalog): accents, case, "Régimen de los…" and
 * plurals aside, the entry whose words overlap most (Dice ≥ 0.75, and clearly ahead of the next).
 */
export function matchRegimenFiscal(printedName: string): { key: string; name: string } | undefined {
  const words = regimenWords(printedName);
  if (words.size === 0 || [...words].some((word) => OBSOLETE_WORDS.has(word))) return undefined;
  const scored = CATALOG_WORDS.map(({ regimen, words: catalog }) => {
    const shared = [...words].filter((word) => catalog.has(word)).length;
    return { regimen, score: (2 * shared) / (words.size + catalog.size) };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 0.75 || (second && best.score - second.score < 0.1)) return undefined;
  return { key: best.regimen.key, name: best.regimen.name };
}

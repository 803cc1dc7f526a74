import { createRequire } from 'node:module';
import path from 'node:path';
import { constanciaErrors } from './constancia-errors.js';

/**
 * The text layer of a Constancia de Situación Fiscal (CSF), read with pdf.js, as lines. pdf.js
 * gives text runs with positions and may split or join words, so runs are put back into lines
 * (page and height), each with its glyphs, its column segments and a key without accents, case
 * or spaces to match labels with.
 */

/** A CSF has 2 to 5 pages; whatever comes after these is not read. */
const MAX_PAGES = 10;

/** Whether the bytes are a PDF: "%PDF-" at the start (readers allow a little junk before it). */
export function looksLikePdf(bytes: Buffer): boolean {
  const at = bytes.subarray(0, 1024).indexOf('%PDF-');
  return at !== -1;
}

interface Glyph {
  c: string;
  x: number;
  w: number;
}

export interface Line {
  page: number;
  /** Distance of the baseline from the top of the page. */
  y: number;
  /** Font size of the line's first run. */
  size: number;
  glyphs: Glyph[];
  /** Runs separated by a column-wide gap: [start, end) glyph indexes and their extent. */
  segments: { start: number; end: number; x0: number; x1: number }[];
  /** The glyphs as a string (text[i] is glyphs[i]). */
  text: string;
  /** The text without accents, case or whitespace, for matching; keyIndex[k] is its glyph. */
  key: string;
  keyIndex: number[];
  /** Glyphs that belong to a label. */
  isLabel: boolean[];
}

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Between words of one cell pdf.js leaves about a space (0.25 em); between columns, much more. */
const WORD_GAP = 0.15;
const COLUMN_GAP = 1.2;

export function normalizeChar(c: string): string {
  return c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s/g, '');
}

/** Accents, case and whitespace removed: "Denominación / Razón Social:" → "denominacion/razonsocial:". */
export function labelKey(text: string): string {
  return [...text].map(normalizeChar).join('');
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function makeLine(page: number, runs: Run[]): Line {
  runs.sort((a, b) => a.x - b.x);
  const size = runs[0]?.size ?? 10;
  const glyphs: Glyph[] = [];
  const segments: Line['segments'] = [];
  let segmentStart = 0;
  let segmentX0 = runs[0]?.x ?? 0;
  let end: number | undefined;
  for (const run of runs) {
    const chars = [...run.str.replace(/\s+/g, ' ')];
    if (end !== undefined) {
      const gap = run.x - end;
      if (gap > COLUMN_GAP * size) {
        segments.push({ start: segmentStart, end: glyphs.length, x0: segmentX0, x1: end });
        glyphs.push({ c: ' ', x: end, w: gap });
        segmentStart = glyphs.length;
        segmentX0 = run.x;
      } else if (gap > WORD_GAP * size && glyphs.at(-1)?.c !== ' ' && chars[0] !== ' ') {
        glyphs.push({ c: ' ', x: end, w: gap });
      }
    }
    const step = run.width / Math.max(chars.length, 1);
    chars.forEach((c, i) => {
      glyphs.push({ c, x: run.x + i * step, w: step });
    });
    end = Math.max(end ?? 0, run.x + run.width);
  }
  segments.push({ start: segmentStart, end: glyphs.length, x0: segmentX0, x1: end ?? segmentX0 });
  let key = '';
  const keyIndex: number[] = [];
  glyphs.forEach((glyph, i) => {
    for (const k of normalizeChar(glyph.c)) {
      key += k;
      keyIndex.push(i);
    }
  });
  return {
    page,
    y: runs[0]?.y ?? 0,
    size,
    glyphs,
    segments,
    text: glyphs.map((g) => g.c).join(''),
    key,
    keyIndex,
    isLabel: glyphs.map(() => false),
  };
}

/** Runs of one page into lines, top to bottom: runs whose baselines are within 0.4 em share a line. */
function pageLines(page: number, runs: Run[]): Line[] {
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(run.y - first.y) <= 0.4 * Math.min(run.size, first.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => makeLine(page, group));
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;
let pdfjsAssets: { standardFontDataUrl: string; cMapUrl: string } | undefined;

/** pdf.js is loaded on the first constancia, not at start. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    pdfjsModule = undefined;
    throw error;
  });
  if (!pdfjsAssets) {
    // Metrics of the 14 standard fonts and the predefined CMaps, read from the package's files.
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    pdfjsAssets = {
      standardFontDataUrl: `${path.join(root, 'standard_fonts')}${path.sep}`,
      cMapUrl: `${path.join(root, 'cmaps')}${path.sep}`,
    };
  }
  return pdfjsModule;
}

/**
 * The text of the first pages as lines. Under Node pdf.js parses in this thread (its "fake
 * worker", no worker thread) and getTextContent needs no canvas; eval and system fonts are off.
 */
export async function readLines(pdf: Buffer): Promise<Line[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    enableXfa: false,
    cMapPacked: true,
    ...pdfjsAssets,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      throw (error as { name?: string } | null)?.name === 'PasswordException'
        ? constanciaErrors.encrypted()
        : constanciaErrors.unreadable();
    }
    const lines: Line[] = [];
    try {
      for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
        const page = await document.getPage(number);
        const top = page.view[3] ?? 0;
        const content = await page.getTextContent();
        const runs: Run[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
          // Rotated text (margins, stamps) is not part of the form.
          if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
          runs.push({ str: item.str, x: e, y: top - f, width: item.width, size: Math.abs(d) || item.height });
        }
        lines.push(...pageLines(number, runs));
        page.cleanup();
      }
    } catch {
      throw constanciaErrors.unreadable();
    }
    return lines;
  } finally {
    await task.destroy();
  }
}

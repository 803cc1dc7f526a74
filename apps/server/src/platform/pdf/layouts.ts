// How pdfkit's embedded fonts lay out words, made cheaper and bounded.
//
// pdfkit lays out each word (text between spaces) with fontkit's OpenType shaping and keeps the
// result for the document's whole life. Shaping one word costs a fresh shaping plan and every
// GSUB/GPOS lookup of DejaVu, and the words of a long table are mostly new (UUIDs, amounts,
// folios, dates): a 45,000-row expenses PDF spent most of its time there, and its kept layouts
// grew without end. Two changes, both through the `layoutCache` object pdfkit reads and writes:
// - words made only of the characters of numbers and codes are put together from the layouts of
//   their pieces: single characters, and the pairs the font adjusts (kerning, ligatures) laid out
//   whole. Each pair is asked of fontkit once per process, so the result is exactly what shaping
//   the whole word gives (the fonts' tests check it against fontkit);
// - other words are kept up to MAX_KEPT_LAYOUTS, then the cache starts again.

/** The parts of a fontkit glyph pdfkit reads. */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph's position, in pdfkit's units (1/1000 em) once pdfkit scaled it. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit reads of a laid out word. */
export interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont (0.20), as far as it is used here. */
export interface EmbeddedFont {
  name: string;
  layoutCache?: Record<string, Run>;
  layoutRun(text: string): Run;
}

/** Digits, hexadecimal letters and the punctuation of amounts, dates, folios, UUIDs and RFCs. */
export const COMPOSABLE = '0123456789ABCDEFabcdef$,.:;/-#%()+|& ';
/** COMPOSABLE by character code (all are ASCII): a word is checked character by character. */
const composable = new Uint8Array(128);
for (const character of COMPOSABLE) composable[character.charCodeAt(0)] = 1;

/**
 * Words laid out by fontkit kept per font and document: some kilobytes each, and a table's
 * repeated words (categories, statuses, suppliers) are a few hundred.
 */
export const MAX_KEPT_LAYOUTS = 1_000;
/** Composed words kept: a word is measured, then written, so only the last few are asked again. */
const MAX_KEPT_COMPOSED = 64;
/** Pieces kept per font for the process: single characters and runs of adjusted pairs. */
const MAX_PIECES = 10_000;

interface FontPieces {
  pieces: Map<string, Run>;
  /** Pairs of characters (both codes in one number) the font adjusts: laid out together. */
  adjusted: Map<number, boolean>;
}

/** Per font (PostScript name), shared by every document of the process: a bounded set of pieces. */
const piecesByFont = new Map<string, FontPieces>();

function piecesOf(font: EmbeddedFont): FontPieces {
  let found = piecesByFont.get(font.name);
  if (!found) {
    found = { pieces: new Map(), adjusted: new Map() };
    piecesByFont.set(font.name, found);
  }
  return found;
}

/** Keeps a value in a map of at most `limit` entries: a full map starts again (no eviction order to keep). */
function remember<K, V>(map: Map<K, V>, limit: number, key: K, value: V) {
  if (map.size >= limit) map.clear();
  map.set(key, value);
}

function piece(font: EmbeddedFont, pieces: FontPieces, text: string): Run {
  let run = pieces.pieces.get(text);
  if (!run) {
    run = font.layoutRun(text);
    remember(pieces.pieces, MAX_PIECES, text, run);
  }
  return run;
}

function join(runs: readonly Run[]): Run {
  const joined: Run = { glyphs: [], positions: [], advanceWidth: 0 };
  for (const run of runs) {
    for (let index = 0; index < run.glyphs.length; index++) {
      joined.glyphs.push(run.glyphs[index] as Glyph);
      joined.positions.push(run.positions[index] as Position);
    }
    joined.advanceWidth += run.advanceWidth;
  }
  return joined;
}

/** Same glyphs at the same positions. */
export function sameRun(a: Run, b: Run): boolean {
  return (
    a.glyphs.length === b.glyphs.length &&
    a.glyphs.every((glyph, index) => glyph.id === b.glyphs[index]?.id) &&
    a.positions.every((position, index) => {
      const other = b.positions[index];
      return (
        other !== undefined &&
        position.xAdvance === other.xAdvance &&
        position.yAdvance === other.yAdvance &&
        position.xOffset === other.xOffset &&
        position.yOffset === other.yOffset &&
        position.advanceWidth === other.advanceWidth
      );
    })
  );
}

/** Whether the font shapes two characters differently together than apart (asked once per pair). */
function adjusts(font: EmbeddedFont, pieces: FontPieces, word: string, index: number): boolean {
  const key = (word.charCodeAt(index - 1) << 8) | word.charCodeAt(index);
  let known = pieces.adjusted.get(key);
  if (known === undefined) {
    const first = word.charAt(index - 1);
    const second = word.charAt(index);
    const apart = join([piece(font, pieces, first), piece(font, pieces, second)]);
    known = !sameRun(font.layoutRun(first + second), apart);
    pieces.adjusted.set(key, known);
  }
  return known;
}

/** The word put together from pieces, or undefined when it has a character outside COMPOSABLE. */
export function composedRun(font: EmbeddedFont, word: string): Run | undefined {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 128 || composable[code] === 0) return undefined;
  }
  const pieces = piecesOf(font);
  const runs: Run[] = [];
  let start = 0;
  for (let index = 1; index <= word.length; index++) {
    if (index < word.length && adjusts(font, pieces, word, index)) continue;
    runs.push(piece(font, pieces, word.slice(start, index)));
    start = index;
  }
  return runs.length === 1 ? (runs[0] as Run) : join(runs);
}

/** Gives an embedded font the composing, bounded layout cache. */
export function useComposingLayouts(font: EmbeddedFont) {
  const kept = new Map<string, Run>();
  const composed = new Map<string, Run>();
  font.layoutCache = new Proxy(Object.create(null) as Record<string, Run>, {
    get: (_target, word) => {
      if (typeof word !== 'string') return undefined;
      let run = kept.get(word) ?? composed.get(word);
      if (run === undefined) {
        run = composedRun(font, word);
        if (run) remember(composed, MAX_KEPT_COMPOSED, word, run);
      }
      return run;
    },
    set: (_target, word, run: Run) => {
      if (typeof word !== 'string') return false;
      remember(kept, MAX_KEPT_LAYOUTS, word, run);
      return true;
    },
  });
}

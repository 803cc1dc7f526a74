import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// The fonts of every PDF the server makes. pdfkit's built-in fonts (Helvetica, Courier: the PDF
// standard 14) are not embedded and pdfkit writes their text in WinAnsi, so anything beyond
// Western European Latin-1 (Ł, ő, Greek, Cyrillic…) in a name, a razón social or a description
// printed as "?" or garbage. DejaVu (the pinned dejavu-fonts-ttf package) is embedded instead,
// subset to the glyphs a document uses, with its Unicode text. The condensed cut is about as wide
// as Helvetica (DejaVu Sans is some 12 % wider), so tables and boxes laid out for it still fit;
// its lines are taller (1.16 em against 0.93), which wrapped text measures for itself.

export type Doc = InstanceType<typeof PDFDocument>;

/** Names of the fonts registered on each document: pass them to `doc.font()`. */
export const FONT_REGULAR = 'Regular';
export const FONT_BOLD = 'Bold';
/** Monospace, for seals and cadenas (about as wide as Courier). */
export const FONT_MONO = 'Mono';

// Resolved from this module, so it works from src (tsx, vitest) and from dist alike.
const require = createRequire(import.meta.url);
const FILES = {
  [FONT_REGULAR]: 'DejaVuSansCondensed',
  [FONT_BOLD]: 'DejaVuSansCondensed-Bold',
  [FONT_MONO]: 'DejaVuSansMono',
} as const;

let buffers: [string, Buffer][] | undefined;

/** The font files, read once per process on first use. */
function fontFiles(): [string, Buffer][] {
  buffers ??= Object.entries(FILES).map(([name, file]) => [
    name,
    readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`)),
  ]);
  return buffers;
}

/** Registers FONT_REGULAR, FONT_BOLD and FONT_MONO on a document (embedded only if used). */
export function registerFonts(doc: Doc): Doc {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
  return doc;
}

/**
 * A pdfkit document with the fonts registered and FONT_REGULAR selected: make every document
 * through it, since pdfkit starts a new one in Helvetica.
 */
export function createPdfDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'> = {}): Doc {
  // Selected by its registered name first, so pdfkit caches the font under that name (opened by
  // another name first, every later doc.font(FONT_REGULAR) would parse the file again).
  return registerFonts(new PDFDocument(options)).font(FONT_REGULAR);
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

let coverage: FontkitFont[] | undefined;

/** Whether both FONT_REGULAR and FONT_BOLD draw this character (one code point). */
export function hasGlyph(character: string): boolean {
  coverage ??= [FONT_REGULAR, FONT_BOLD].map((name) => {
    const doc = createPdfDocument({ autoFirstPage: false }).font(name);
    // The fontkit font pdfkit opened (pdfkit 0.20 keeps it there; fontkit is not ours to import).
    return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  });
  const codePoint = character.codePointAt(0) ?? 0;
  return coverage.every((font) => font.hasGlyphForCodePoint(codePoint));
}

/**
 * Drops the layouts pdfkit keeps, for the document's whole life, of every word measured or written
 * in an embedded font. Unique words (UUIDs, amounts) add up: a streamed export of 50,000 rows held
 * some 450 MB in them. Call now and then in a long document; the next words are laid out again.
 */
export function forgetLayouts(doc: Doc) {
  const fonts = (doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })._fontFamilies;
  for (const font of Object.values(fonts)) if (font.layoutCache) font.layoutCache = Object.create(null);
}

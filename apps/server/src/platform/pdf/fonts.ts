import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type EmbeddedFont, useComposingLayouts } from './layouts.js';

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
 * through it, since pdfkit starts a new one in Helvetica. Each font lays out words through
 * `useComposingLayouts` (layouts.ts): numbers and codes cheaply, and the kept layouts bounded.
 */
export function createPdfDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'> = {}): Doc {
  const doc = registerFonts(new PDFDocument(options));
  // Each font is opened by its registered name, so pdfkit caches it under that name (opened by
  // another name first, every later doc.font(FONT_REGULAR) would parse the file again). A font
  // opened but never written with is not embedded.
  for (const name of [FONT_MONO, FONT_BOLD, FONT_REGULAR]) {
    doc.font(name);
    useComposingLayouts((doc as unknown as { _font: EmbeddedFont })._font);
  }
  return doc;
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

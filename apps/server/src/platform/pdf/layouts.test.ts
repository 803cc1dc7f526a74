import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createPdfDocument, FONT_BOLD, FONT_MONO, FONT_REGULAR } from './fonts.js';
import { COMPOSABLE, composedRun, type EmbeddedFont, MAX_KEPT_LAYOUTS, sameRun } from './layouts.js';

/** The embedded font pdfkit opened for `name` in a new document. */
function embeddedFont(name: string): EmbeddedFont {
  const doc = createPdfDocument({ autoFirstPage: false }).font(name);
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

describe('the layouts of words in the PDF fonts', () => {
  it('puts together numbers and codes exactly as fontkit shapes them (kerning and ligatures kept)', () => {
    for (const name of [FONT_REGULAR, FONT_BOLD, FONT_MONO]) {
      const font = embeddedFont(name);
      // Pairs the fonts adjust (A-C, F-a, f-f, A-.) next to ones they do not.
      for (const word of ['AC', 'FA', 'ff', 'A.', '$1,234.56', '2026-11-29', 'ACDF-AAFF-EEBD', 'cafe'])
        expect(sameRun(composedRun(font, word) as never, font.layoutRun(word)), `${name} ${word}`).toBe(true);
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...COMPOSABLE), minLength: 1, maxLength: 40 }),
          (word) => sameRun(composedRun(font, word) as never, font.layoutRun(word)),
        ),
        { numRuns: 300 },
      );
    }
  });

  it('leaves other words to fontkit', () => {
    const font = embeddedFont(FONT_REGULAR);
    for (const word of ['Papelería', 'Жук', 'GHIJ', 'e\u0301'])
      expect(composedRun(font, word)).toBeUndefined();
  });

  it('keeps a bounded number of layouts: the oldest are laid out again', () => {
    const font = embeddedFont(FONT_REGULAR);
    const layoutRun = vi.spyOn(font, 'layoutRun');
    const cache = font.layoutCache as Record<string, unknown>;
    const words = Array.from({ length: MAX_KEPT_LAYOUTS + 1 }, (_, index) => `palabra${index}`);
    for (const word of words) {
      // What pdfkit does with a word it has not kept: lay it out, keep it.
      if (!cache[word]) cache[word] = font.layoutRun(word);
    }
    expect(layoutRun).toHaveBeenCalledTimes(words.length);
    expect(cache[words[MAX_KEPT_LAYOUTS] as string]).toBeDefined(); // the newest is kept
    expect(cache[words[0] as string]).toBeUndefined(); // the oldest was dropped
  });
});

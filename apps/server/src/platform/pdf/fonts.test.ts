import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfDocument, type Doc, FONT_BOLD, FONT_MONO, FONT_REGULAR, hasGlyph } from './fonts.js';
import { MAX_KEPT_LAYOUTS } from './layouts.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
// Polish, Greek, Cyrillic, an em dash and the euro: none but the last two are in WinAnsi.
const BEYOND_LATIN1 = 'Łódź Ωmega Жук — 5 €';

async function pdfOf(draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = createPdfDocument({ size: 'LETTER', margin: 36 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** The text a real PDF reader finds in `pdf`, or null (with a warning) when pdftotext is not installed. */
function readWithPdftotext(pdf: Buffer): string | null {
  if (!existsSync(PDFTOTEXT)) {
    console.warn(
      `${PDFTOTEXT} is not installed (poppler-utils): the check of the text with a real reader was skipped.`,
    );
    return null;
  }
  const directory = mkdtempSync(path.join(tmpdir(), 'pdf-fonts-'));
  try {
    const file = path.join(directory, 'fonts.pdf');
    writeFileSync(file, pdf);
    return execFileSync(PDFTOTEXT, [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('the PDF fonts', () => {
  it('embeds DejaVu, so text beyond Latin-1 prints and reads back', async () => {
    const pdf = await pdfOf((doc) => {
      doc.text(BEYOND_LATIN1); // the regular font is selected from the start
      doc.font(FONT_BOLD).text(`${BEYOND_LATIN1} (negritas)`);
      doc.font(FONT_MONO).text('||1.1|A1B2C3D4|SPR190613I52||');
    });
    const file = pdf.toString('latin1');
    expect(file).toContain('/FontFile2'); // TrueType font programs, embedded
    for (const name of ['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'DejaVuSansMono'])
      expect(file).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${name}\\n`));
    expect(file).toContain('/ToUnicode');
    expect(file).not.toMatch(/\/BaseFont \/(Helvetica|Courier|Times)/); // no standard (WinAnsi) font
    const text = readWithPdftotext(pdf);
    if (text === null) return;
    expect(text).toContain(BEYOND_LATIN1);
    expect(text).toContain(`${BEYOND_LATIN1} (negritas)`);
    expect(text).toContain('||1.1|A1B2C3D4|SPR190613I52||');
  });

  it('tells which characters the fonts have no glyph for', () => {
    for (const character of [...BEYOND_LATIN1, 'ñ', 'ő', 'ü', '✓'])
      expect(hasGlyph(character), character).toBe(true);
    for (const character of ['⏻', '🍕', '中']) expect(hasGlyph(character), character).toBe(false);
  });

  it('keeps writing after its bounded layout cache starts again', async (context) => {
    const many = Array.from({ length: MAX_KEPT_LAYOUTS + 10 }, (_, index) => `p${index}ñ`).join(' ');
    const pdf = await pdfOf((doc) => {
      doc.font(FONT_REGULAR).text('Antes: Жук');
      doc.fontSize(2).text(many);
      doc.fontSize(12).text('Después: Жук, UUID 5F3A9C1E-ACDF-4B2A-9D0E-FFAA12345678, $1,234.56');
    });
    const text = readWithPdftotext(pdf);
    if (text === null) return context.skip();
    expect(text).toContain('Antes: Жук');
    expect(text).toContain('Después: Жук, UUID 5F3A9C1E-ACDF-4B2A-9D0E-FFAA12345678, $1,234.56');
  });
});

import { type Doc, FONT_BOLD, FONT_REGULAR, hasGlyph } from '../../platform/pdf/fonts.js';
import { ensureRoom, MARGIN } from '../journal/pdf-table.js';
import type { Field } from './printed-invoice.js';

// Shared pieces of the printed CFDI: letter portrait, the embedded fonts of platform/pdf/fonts.ts,
// CajaChica's colors.

export type { Doc };
export { ensureRoom, MARGIN };
/** A letter page (612 points wide) inside its margins. */
export const WIDTH = 540;

export const BRAND = '#0b5e4f';
export const FILL = '#e6f4f1';
export const MUTED = '#5f6b68';
export const RULE = '#b9c9c5';
export const ALERT = '#b00020';

/**
 * The text with control characters as spaces (line breaks kept) and what the embedded fonts have no
 * glyph for (emoji, CJK…) as "?", which reads better than the font's empty box.
 */
export function printable(text: string): string {
  let result = '';
  for (const character of text) {
    if (character === '\n') result += character;
    else if ((character.codePointAt(0) ?? 0) < 0x20) result += ' ';
    else result += hasGlyph(character) ? character : '?';
  }
  return result;
}

/** Text at a position, made printable in the embedded fonts. */
export function put(doc: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) {
  doc.text(printable(text), x, y, options);
}

const LABEL_WIDTH = 92;
const FIELD_SIZE = 7.5;

/** Height of `fields` drawn by drawFields in `width`. */
export function fieldsHeight(doc: Doc, fields: readonly Field[], width: number): number {
  doc.font(FONT_REGULAR).fontSize(FIELD_SIZE);
  return fields.reduce(
    (sum, field) => sum + doc.heightOfString(printable(field.value), { width: width - LABEL_WIDTH }) + 2,
    0,
  );
}

/** "Label   value" lines: the label in grey, the value wrapping in the rest of the width. */
export function drawFields(doc: Doc, fields: readonly Field[], x: number, y: number, width: number): number {
  let top = y;
  for (const field of fields) {
    doc.font(FONT_BOLD).fontSize(FIELD_SIZE).fillColor(MUTED);
    put(doc, field.label, x, top, { width: LABEL_WIDTH - 4, lineBreak: false, ellipsis: true });
    doc.font(FONT_REGULAR).fillColor('black');
    put(doc, field.value, x + LABEL_WIDTH, top, { width: width - LABEL_WIDTH });
    top = doc.y + 2;
  }
  return top;
}

/** A bordered box with a shaded title strip, as tall as `bodyHeight` plus its title. */
export function box(doc: Doc, title: string, x: number, y: number, width: number, bodyHeight: number) {
  doc.rect(x, y, width, 14).fill(FILL);
  doc
    .rect(x, y, width, bodyHeight + 20)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.font(FONT_BOLD).fontSize(8).fillColor(BRAND);
  put(doc, title.toUpperCase(), x + 6, y + 4, { width: width - 12, lineBreak: false });
  doc.fillColor('black');
}

/** A section heading across the page, kept with at least `keep` points of what follows. */
export function heading(doc: Doc, title: string, keep = 40): number {
  const y = ensureRoom(doc, keep + 16);
  doc.font(FONT_BOLD).fontSize(8.5).fillColor(BRAND);
  put(doc, title.toUpperCase(), MARGIN, y, { width: WIDTH, lineBreak: false });
  doc
    .moveTo(MARGIN, y + 11)
    .lineTo(MARGIN + WIDTH, y + 11)
    .lineWidth(0.6)
    .strokeColor(BRAND)
    .stroke();
  doc.fillColor('black');
  doc.y = y + 15;
  return doc.y;
}

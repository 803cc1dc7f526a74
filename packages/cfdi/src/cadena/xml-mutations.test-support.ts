// Test support: edits an XML document as text (start tags and attribute values only), so a mutated
// fixture keeps everything else byte for byte: comments, declarations, whitespace and quoting.
import fc from 'fast-check';

export interface AttributeSpan {
  name: string;
  /** The raw (still escaped) value between the quotes. */
  raw: string;
  /** Offsets of the whole ` name="value"` text, leading whitespace included. */
  start: number;
  end: number;
}

export interface StartTag {
  name: string;
  start: number;
  end: number;
  attributes: AttributeSpan[];
  /** Offset where the attribute list ends (before `/>` or `>`). */
  attributesEnd: number;
}

const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*)(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(\s*=\s*)("([^"]*)"|'([^']*)')/g;

/** The document's start tags in order, skipping comments, CDATA and processing instructions. */
export function startTags(xml: string): StartTag[] {
  const masked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (text) =>
    ' '.repeat(text.length),
  );
  const tags: StartTag[] = [];
  for (const match of masked.matchAll(TAG)) {
    const start = match.index;
    const listStart = start + 1 + (match[1] ?? '').length;
    const list = match[2] ?? '';
    const attributes: AttributeSpan[] = [];
    for (const attribute of list.matchAll(ATTRIBUTE)) {
      attributes.push({
        name: attribute[2] ?? '',
        raw: attribute[5] ?? attribute[6] ?? '',
        start: listStart + attribute.index,
        end: listStart + attribute.index + attribute[0].length,
      });
    }
    tags.push({
      name: match[1] ?? '',
      start,
      end: start + match[0].length,
      attributes,
      attributesEnd: listStart + list.length,
    });
  }
  return tags;
}

/** Every (tag, attribute) pair that is not a namespace declaration. */
export function attributeSpans(xml: string): { tag: StartTag; attribute: AttributeSpan }[] {
  return startTags(xml).flatMap((tag) =>
    tag.attributes.filter(({ name }) => !name.startsWith('xmlns')).map((attribute) => ({ tag, attribute })),
  );
}

/** Replaces one attribute's raw value (give it already escaped) keeping the rest of the text. */
export function withAttributeValue(xml: string, attribute: AttributeSpan, rawValue: string): string {
  const quote = rawValue.includes('"') ? "'" : '"';
  return `${xml.slice(0, attribute.start)} ${attribute.name}=${quote}${rawValue}${quote}${xml.slice(attribute.end)}`;
}

/** Removes one attribute. */
export function withoutAttribute(xml: string, attribute: AttributeSpan): string {
  return xml.slice(0, attribute.start) + xml.slice(attribute.end);
}

/** Rewrites one start tag's attributes in the given order (a permutation of their indexes). */
export function withAttributeOrder(xml: string, tag: StartTag, order: readonly number[]): string {
  const first = tag.attributes[0];
  if (!first) return xml;
  const texts = order.map((index) => {
    const attribute = tag.attributes[index];
    if (!attribute) throw new Error('bad permutation');
    return xml.slice(attribute.start, attribute.end).replace(/^\s+/, ' ');
  });
  return xml.slice(0, first.start) + texts.join('') + xml.slice(tag.attributesEnd);
}

/** Escapes text for a double-quoted attribute, keeping whitespace as character references. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Raw attribute text with XML-sensitive content: entities, character references, whitespace, non-ASCII. */
export const rawAttributeValue = fc
  .array(
    fc.constantFrom(
      'Importe',
      '1160.00',
      '0',
      ' ',
      '   ',
      '\t',
      '\n',
      '\r\n',
      '&amp;',
      '&quot;',
      '&apos;',
      '&lt;',
      '&gt;',
      '&#13;',
      '&#10;',
      '&#9;',
      '&#xA0;',
      'ñ',
      'Ñandú',
      'é',
      '|',
      "'",
      '😀',
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

/** A random permutation of 0..length-1. */
export function permutation(length: number) {
  return fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length })
    .map((keys) =>
      keys
        .map((key, index) => ({ key, index }))
        .sort((a, b) => a.key - b.key)
        .map(({ index }) => index),
    );
}

interface AttributeSpan {
  name: string;
  quote: string;
  /** Offsets of the value between the quotes. */
  valueStart: number;
  valueEnd: number;
}

interface RootTag {
  attributes: AttributeSpan[];
  /** Where a new attribute goes: right after the last attribute (or the element name). */
  insertAt: number;
}

/**
 * Sets attributes on the root element by editing the text of its start tag only, so the rest of the
 * document (declaration, comments, indentation, quoting, namespace prefixes) stays byte for byte:
 * existing attributes keep their place and quote, new ones are appended after the last attribute.
 */
export function setRootAttributes(xml: string, values: readonly (readonly [string, string])[]): string {
  let text = xml;
  for (const [name, value] of values) {
    const tag = findRootTag(text);
    const existing = tag.attributes.find((attribute) => attribute.name === name);
    if (existing) {
      const escaped = escapeAttribute(value, existing.quote);
      text = text.slice(0, existing.valueStart) + escaped + text.slice(existing.valueEnd);
    } else {
      text = `${text.slice(0, tag.insertAt)} ${name}="${escapeAttribute(value, '"')}"${text.slice(tag.insertAt)}`;
    }
  }
  return text;
}

function escapeAttribute(value: string, quote: string): string {
  return value.replace(/[&<"'\t\n\r]/g, (char) =>
    char === '"' || char === "'"
      ? char === quote
        ? `&#${char.charCodeAt(0)};`
        : char
      : `&#${char.charCodeAt(0)};`,
  );
}

function findRootTag(xml: string): RootTag {
  let index = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (/\s/.test(xml.charAt(index))) index += 1;
    if (xml.startsWith('<?', index)) index = endOf(xml, '?>', index);
    else if (xml.startsWith('<!--', index)) index = endOf(xml, '-->', index);
    else break;
  }
  const name = /^<([^\s/>!?]+)/.exec(xml.slice(index, index + 256));
  if (!name?.[1]) throw new Error('the document has no root element start tag');
  index += name[0].length;
  const attributes: AttributeSpan[] = [];
  let insertAt = index;
  for (;;) {
    const match = /^\s+([^\s=/>]+)\s*=\s*(["'])/.exec(xml.slice(index, index + 1024));
    if (!match?.[1] || !match[2]) break;
    const valueStart = index + match[0].length;
    const valueEnd = xml.indexOf(match[2], valueStart);
    if (valueEnd < 0) throw new Error('unterminated attribute value in the root start tag');
    attributes.push({ name: match[1], quote: match[2], valueStart, valueEnd });
    index = valueEnd + 1;
    insertAt = index;
  }
  if (!/^\s*\/?>/.test(xml.slice(index, index + 1024))) throw new Error('malformed root start tag');
  return { attributes, insertAt };
}

function endOf(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new Error(`unterminated ${terminator} before the root element`);
  return end + terminator.length;
}

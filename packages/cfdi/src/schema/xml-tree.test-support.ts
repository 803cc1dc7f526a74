// Test support (not shipped): edits a parsed document as a tree and writes it back as XML, so
// mutations can move, copy and delete elements, not only change attribute text.
import type { XmlElement } from '../xml/read-xml.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A deep copy that can be edited freely. */
export function cloneTree(element: XmlElement): XmlElement {
  return structuredClone(element);
}

/** Every element in document order, with its parent (null for the root). */
export function listElements(root: XmlElement): { element: XmlElement; parent: XmlElement | null }[] {
  const found: { element: XmlElement; parent: XmlElement | null }[] = [];
  const visit = (element: XmlElement, parent: XmlElement | null) => {
    found.push({ element, parent });
    for (const child of element.children) visit(child, element);
  };
  visit(root, null);
  return found;
}

function escapeAttribute(value: string): string {
  // Tabs and line breaks as references, so the parser gives back exactly this value.
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Prefix → namespace of every element, to declare them all on the root. */
function collectPrefixes(root: XmlElement): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const { element } of listElements(root)) {
    const colon = element.name.indexOf(':');
    const prefix = colon < 0 ? '' : element.name.slice(0, colon);
    if (!prefixes.has(prefix)) prefixes.set(prefix, element.namespace ?? '');
  }
  return prefixes;
}

/**
 * Writes the tree as XML. Namespace declarations all go on the root (the tree does not keep where
 * they were written; validation does not depend on it). In an element with children only text that
 * is not whitespace is kept (before the first child): whitespace there means nothing to the schemas.
 */
export function writeXml(root: XmlElement): string {
  const declarations = [...collectPrefixes(root)]
    .filter(([prefix, namespace]) => prefix !== '' || namespace !== '')
    .map(([prefix, namespace]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(namespace)}"`);
  declarations.push(` xmlns:xsi="${XSI}"`);
  const write = (element: XmlElement, extra: string): string => {
    const attributes = element.attributes
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    const open = `<${element.name}${extra}${attributes}`;
    if (element.children.length > 0) {
      const text = /[^ \t\r\n]/.test(element.text) ? escapeText(element.text) : '';
      return `${open}>${text}${element.children.map((child) => write(child, '')).join('')}</${element.name}>`;
    }
    return element.text === '' ? `${open}/>` : `${open}>${escapeText(element.text)}</${element.name}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, declarations.join(''))}\n`;
}

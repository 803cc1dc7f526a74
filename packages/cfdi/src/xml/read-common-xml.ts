/**
 * A fast reader for the plain XML that CFDIs are written in: an optional XML declaration, elements,
 * ASCII names, quoted attributes, text, comments and the predefined entity and character references.
 * It returns null for anything else (CDATA, processing instructions, non-ASCII names, any
 * well-formedness error, too deep a nesting) and the caller then asks saxes, the conformant parser,
 * which builds the tree or says exactly what is wrong. So this reader must only accept what saxes
 * accepts and must build the very same tree; read-common-xml.test.ts compares both on fixtures
 * and fuzzed documents.
 */
import type { XmlElement } from './read-xml.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

// Where plain content stops: the end of a value or of text, markup, a reference, a line end or tab
// (normalized), `]` (maybe `]]>`), and characters XML 1.0 forbids or surrogates (only valid in pairs).
// Every character of a document is either scanned by these or by the name and whitespace loops, so
// no separate pass over the whole document looks for forbidden characters.
// Control characters are what these look for, hence the regexes are built from this class text.
const UNUSUAL = '\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF';
const DOUBLE_QUOTED_STOP = new RegExp(`["<&\\t\\n\\r${UNUSUAL}]`, 'g');
const SINGLE_QUOTED_STOP = new RegExp(`['<&\\t\\n\\r${UNUSUAL}]`, 'g');
const TEXT_STOP = new RegExp(`[<&\\r\\]${UNUSUAL}]`, 'g');
const UNUSUAL_CHARACTER = new RegExp(`[${UNUSUAL}]`);
// What saxes accepts as a declaration, narrowed to XML 1.0 (1.1 reads characters differently).
const XML_DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;
const DECIMAL_REFERENCE = /^#[0-9]{1,7}$/;
const HEX_REFERENCE = /^#x[0-9a-fA-F]{1,6}$/;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const AMPERSAND = 0x26;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const COLON = 0x3a;
const LESS = 0x3c;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const BRACKET = 0x5d;

// 1: may start a name (ASCII letters, `_`); 2: may continue it (also digits, `.`, `-`).
const NAME_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (/[A-Za-z_]/.test(character)) NAME_CHARACTER[code] = 1;
  else if (/[0-9.-]/.test(character)) NAME_CHARACTER[code] = 2;
}

const isWhitespace = (code: number) => code === SPACE || code === LF || code === TAB || code === CR;

function isXmlCharacter(code: number): boolean {
  return (
    code === TAB ||
    code === LF ||
    code === CR ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** End of an ASCII NCName starting at `start`, or -1 when there is none. */
function scanNcName(text: string, start: number): number {
  if (NAME_CHARACTER[text.charCodeAt(start)] !== 1) return -1;
  let end = start + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code >= 128 || NAME_CHARACTER[code] === 0) break;
    end++;
  }
  return end;
}

/** End of a `prefix:local` or `local` name at `start`, or -1 (non-ASCII or odd names go to saxes). */
function scanQName(text: string, start: number): number {
  const end = scanNcName(text, start);
  if (end < 0 || text.charCodeAt(end) !== COLON) return end;
  const localEnd = scanNcName(text, end + 1);
  if (localEnd < 0 || text.charCodeAt(localEnd) === COLON) return -1;
  const next = text.charCodeAt(localEnd);
  return next < 128 && NAME_CHARACTER[next] === 0 ? localEnd : -1;
}

let referenceEnd = 0;

/** Decodes the reference at `ampersand` and sets referenceEnd; null if it is not a usual one. */
function readReference(text: string, ampersand: number): string | null {
  // The longest usual reference is `&#x10FFFF;` or `&#1114111;`: look no further.
  const semicolon = text.indexOf(';', ampersand + 1);
  if (semicolon < 0 || semicolon > ampersand + 10) return null;
  referenceEnd = semicolon + 1;
  const body = text.slice(ampersand + 1, semicolon);
  switch (body) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  let code: number;
  if (DECIMAL_REFERENCE.test(body)) code = Number.parseInt(body.slice(1), 10);
  else if (HEX_REFERENCE.test(body)) code = Number.parseInt(body.slice(2), 16);
  else return null;
  return isXmlCharacter(code) ? String.fromCodePoint(code) : null;
}

/** Where `stop` next matches from `start` (its matches are single characters), or -1. */
function findStop(stop: RegExp, text: string, start: number): number {
  stop.lastIndex = start;
  return stop.test(text) ? stop.lastIndex - 1 : -1;
}

/** Whether `code` at `index` is a character XML allows: not a control character, U+FFFE/F or a lone surrogate. */
function isAllowedAt(text: string, index: number, code: number): boolean {
  if (code < 0x20) return code === TAB || code === LF || code === CR;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  return code < 0xdc00 || (code > 0xdfff && code < 0xfffe);
}

// Where the value readAttributeValue last read ends: the index of its closing quote.
let valueEnd = 0;

/**
 * The attribute value that starts at `start`, up to the quote character `quote`: references
 * decoded, and literal tabs and line ends (a CR LF pair counting as one) turned into spaces, as
 * XML's attribute-value normalization says. Sets valueEnd; null when saxes must decide.
 */
function readAttributeValue(text: string, start: number, quote: number): string | null {
  let index = findStop(quote === QUOTE ? DOUBLE_QUOTED_STOP : SINGLE_QUOTED_STOP, text, start);
  if (index < 0) return null;
  if (text.charCodeAt(index) === quote) {
    valueEnd = index;
    return text.slice(start, index);
  }
  let value = '';
  let from = start;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code === quote) break;
    if (Number.isNaN(code) || code === LESS || !isAllowedAt(text, index, code)) return null;
    if (code === AMPERSAND) {
      const decoded = readReference(text, index);
      if (decoded === null) return null;
      value += text.slice(from, index) + decoded;
      index = from = referenceEnd;
    } else if (code === TAB || code === LF || code === CR) {
      value += `${text.slice(from, index)} `;
      index += code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
      from = index;
    } else index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  valueEnd = index;
  return value + text.slice(from, index);
}

/**
 * The character data from `start` to the next `<` (or the end), read from `stop`, the first place
 * that is not plain text: references decoded, CR LF and CR read as LF; `]]>` is refused.
 */
function readText(text: string, start: number, stop: number, end: number): string | null {
  let value = '';
  let from = start;
  let index = stop;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (!isAllowedAt(text, index, code)) return null;
    if (code === BRACKET && text.startsWith(']]>', index)) return null;
    if (code === AMPERSAND) {
      const decoded = readReference(text, index);
      if (decoded === null || referenceEnd > end) return null;
      value += text.slice(from, index) + decoded;
      index = from = referenceEnd;
    } else if (code === CR) {
      value += `${text.slice(from, index)}\n`;
      index += text.charCodeAt(index + 1) === LF ? 2 : 1;
      from = index;
    } else index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return value + text.slice(from, end);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isWhitespace(text.charCodeAt(index))) return false;
  return true;
}

/** The URI bound to `prefix` ('' for the default namespace): bindings are [prefix, uri] pairs, newest last. */
function resolvePrefix(bindings: string[], prefix: string): string | undefined {
  for (let index = bindings.length - 2; index >= 0; index -= 2)
    if (bindings[index] === prefix) return bindings[index + 1];
  return undefined;
}

/**
 * Whether an attribute name repeats, or a prefixed one is unbound or means the same {namespace}local
 * as another (saxes refuses all three). `prefixed` lists the names with a prefix other than xmlns:
 * a namespace declaration can only clash with its own repetition.
 *
 * Its sets are its own, made only when needed. One module-level Set emptied with clear() for every
 * element cost memory: V8 links each emptied table to its successor, so once one of them had lived
 * long enough to be promoted, it kept every later one, and the document slices in them, alive
 * until the next full GC (tens of MB over an import of thousands of CFDIs).
 */
function hasAttributeClash(names: string[], prefixed: string[] | null, bindings: string[]): boolean {
  if (names.length > 8) {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) return true;
      seen.add(name);
    }
  } else {
    for (let i = 1; i < names.length; i++) for (let j = 0; j < i; j++) if (names[i] === names[j]) return true;
  }
  if (prefixed === null) return false;
  const keys = prefixed.length > 1 ? new Set<string>() : null;
  for (const name of prefixed) {
    const colon = name.indexOf(':');
    const uri = resolvePrefix(bindings, name.slice(0, colon));
    if (uri === undefined) return true;
    if (keys === null) return false;
    const key = `{${uri}}${name.slice(colon + 1)}`;
    if (keys.has(key)) return true;
    keys.add(key);
  }
  return false;
}

/** The tree of `text`, exactly as read-xml builds it with saxes, or null when saxes must decide. */
export function readCommonXml(text: string, maxDepth: number): XmlElement | null {
  let position = 0;
  if (text.startsWith('<?xml')) {
    XML_DECLARATION.lastIndex = 0;
    if (!XML_DECLARATION.test(text)) return null;
    position = XML_DECLARATION.lastIndex;
  }
  const stack: XmlElement[] = [];
  // Namespace bindings in scope, as [prefix, uri] pairs; marks[i] is where stack[i]'s own start.
  const bindings: string[] = ['xml', XML_NAMESPACE, 'xmlns', XMLNS_NAMESPACE];
  const marks: number[] = [];
  let root: XmlElement | null = null;
  for (;;) {
    const current = stack[stack.length - 1];
    let less: number;
    if (current === undefined) {
      less = text.indexOf('<', position);
      if (!isBlank(text, position, less < 0 ? text.length : less)) return null;
    } else {
      // Between elements there is usually only indentation: a short loop reads it, the regex the rest.
      let blankEnd = position;
      while (
        blankEnd < text.length &&
        isWhitespace(text.charCodeAt(blankEnd)) &&
        text.charCodeAt(blankEnd) !== CR
      )
        blankEnd++;
      const stop = text.charCodeAt(blankEnd) === LESS ? blankEnd : findStop(TEXT_STOP, text, blankEnd);
      less = stop >= 0 && text.charCodeAt(stop) === LESS ? stop : text.indexOf('<', position);
      const textEnd = less < 0 ? text.length : less;
      if (stop === less || stop < 0) current.text += text.slice(position, textEnd);
      else {
        const chunk = readText(text, position, stop, textEnd);
        if (chunk === null) return null;
        current.text += chunk;
      }
    }
    if (less < 0) break;
    if (text.charCodeAt(less + 1) === SLASH) {
      const element = stack.pop();
      if (element === undefined || !text.startsWith(element.name, less + 2)) return null;
      let index = less + 2 + element.name.length;
      while (isWhitespace(text.charCodeAt(index))) index++;
      if (text.charCodeAt(index) !== GREATER) return null;
      bindings.length = marks.pop() as number;
      position = index + 1;
      continue;
    }
    if (text.startsWith('<!--', less)) {
      position = skipComment(text, less + 4);
      if (position < 0) return null;
      continue;
    }
    if (stack.length >= maxDepth) return null; // saxes reports TOO_DEEP
    const mark = bindings.length;
    const element = readOpenTag(text, less + 1, bindings);
    if (element === null) return null;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root === null) root = element;
    else return null; // a second root
    if (tagIsEmpty) bindings.length = mark;
    else {
      stack.push(element);
      marks.push(mark);
    }
    position = tagEnd;
  }
  return stack.length === 0 ? root : null;
}

/** The index after the comment whose text starts at `start`; -1 when it has `--` inside or is unclosed. */
function skipComment(text: string, start: number): number {
  const end = text.indexOf('-->', start);
  if (end < 0) return -1;
  const comment = text.slice(start, end);
  if (comment.includes('--') || comment.endsWith('-') || UNUSUAL_CHARACTER.test(comment)) return -1;
  return end + 3;
}

// Where the last tag readOpenTag read ends, and whether it was an empty-element tag (`<a/>`).
let tagEnd = 0;
let tagIsEmpty = false;

/**
 * Reads the open tag whose name starts at `start` into an element, binding the namespaces it
 * declares (the caller unbinds them when it closes); null when saxes must decide.
 */
function readOpenTag(text: string, start: number, bindings: string[]): XmlElement | null {
  const nameEnd = scanQName(text, start);
  if (nameEnd < 0) return null;
  const attributes: [string, string][] = [];
  const names: string[] = [];
  let prefixed: string[] | null = null;
  let index = nameEnd;
  for (;;) {
    const spaceStart = index;
    while (isWhitespace(text.charCodeAt(index))) index++;
    const code = text.charCodeAt(index);
    if (code === GREATER || code === SLASH) {
      tagIsEmpty = code === SLASH;
      if (tagIsEmpty && text.charCodeAt(index + 1) !== GREATER) return null;
      tagEnd = index + (tagIsEmpty ? 2 : 1);
      break;
    }
    if (index === spaceStart) return null; // attributes must be separated by whitespace
    const attributeEnd = scanQName(text, index);
    if (attributeEnd < 0) return null;
    const attributeName = text.slice(index, attributeEnd);
    index = attributeEnd;
    while (isWhitespace(text.charCodeAt(index))) index++;
    if (text.charCodeAt(index) !== EQUALS) return null;
    index++;
    while (isWhitespace(text.charCodeAt(index))) index++;
    const quote = text.charCodeAt(index);
    if (quote !== QUOTE && quote !== APOSTROPHE) return null;
    const value = readAttributeValue(text, index + 1, quote);
    if (value === null) return null;
    index = valueEnd + 1;
    names.push(attributeName);
    if (attributeName.startsWith('xmlns') && (attributeName.length === 5 || attributeName[5] === ':')) {
      if (!declare(bindings, attributeName, value)) return null;
      continue;
    }
    if (attributeName.includes(':')) {
      prefixed ??= [];
      prefixed.push(attributeName);
    }
    attributes.push([attributeName, value]);
  }
  if (hasAttributeClash(names, prefixed, bindings)) return null;
  const name = text.slice(start, nameEnd);
  const colon = name.indexOf(':');
  const uri = resolvePrefix(bindings, colon < 0 ? '' : name.slice(0, colon));
  // saxes refuses an unbound prefix and the reserved `xmlns` one (bound to a URI nothing may use).
  if (colon >= 0 && (uri === undefined || uri === '' || uri === XMLNS_NAMESPACE)) return null;
  return {
    name,
    localName: colon < 0 ? name : name.slice(colon + 1),
    namespace: uri === undefined || uri === '' ? null : uri,
    attributes,
    children: [],
    text: '',
  };
}

/** Binds a namespace declared with xmlns / xmlns:p; false for what saxes refuses or treats specially. */
function declare(bindings: string[], name: string, value: string): boolean {
  const uri = value.trim();
  if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) return false;
  if (name === 'xmlns') {
    bindings.push('', uri);
    return true;
  }
  const prefix = name.slice(6);
  if (uri === '' || prefix === 'xml' || prefix === 'xmlns') return false;
  bindings.push(prefix, uri);
  return true;
}

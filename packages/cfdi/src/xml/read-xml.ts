import { SaxesParser } from 'saxes';
import { readCommonXml } from './read-common-xml.js';

/** An element of a parsed document: names as written, attributes in document order, values decoded. */
export interface XmlElement {
  /** Qualified name as written, e.g. `cfdi:Comprobante`. */
  name: string;
  localName: string;
  /** Namespace URI resolved from the xmlns declarations in scope, or null. */
  namespace: string | null;
  /** Attributes in document order (xmlns declarations excluded), values entity-decoded and normalized. */
  attributes: [string, string][];
  children: XmlElement[];
  /** Concatenated text content directly inside this element. */
  text: string;
}

export type XmlReadProblem =
  | 'TOO_LARGE'
  | 'NOT_UTF8'
  | 'DOCTYPE_FORBIDDEN'
  | 'ENTITY_FORBIDDEN'
  | 'UNSUPPORTED_ENCODING'
  | 'NOT_WELL_FORMED'
  | 'EMPTY_DOCUMENT'
  | 'TOO_DEEP';

/** A document refused before or while parsing; `category` says which kind of finding it is. */
export class XmlReadError extends Error {
  constructor(
    readonly code: XmlReadProblem,
    readonly category: 'security' | 'schema',
    /** Spanish text a person can act on. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'XmlReadError';
  }
}

export interface ReadXmlOptions {
  /** Largest document accepted, in bytes (default 5 MiB: a CFDI is a few KB; big ones a few hundred). */
  maxBytes?: number;
  /** Deepest element nesting accepted (default 64). */
  maxDepth?: number;
}

export const DEFAULT_MAX_XML_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 64;
// Fatal: invalid UTF-8 is refused, never replaced. Without `stream` a decoder keeps no state between calls.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Attributes that declare namespaces are not data: they are kept out of `attributes`. */
function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

/** Where saxes found the problem ("line:column: ..."), said in Spanish; its English detail is not shown. */
function whereIn(message: string): string {
  const position = /^(\d+):(\d+):/.exec(message);
  return position ? ` (línea ${position[1]}, columna ${position[2]})` : '';
}

function refusalFor(error: Error): XmlReadError {
  if (error instanceof XmlReadError) return error;
  const message = error.message;
  if (/undefined entity/.test(message)) {
    return new XmlReadError(
      'ENTITY_FORBIDDEN',
      'security',
      `El XML usa una entidad que no está definida${whereIn(message)}. Un CFDI no la necesita.`,
    );
  }
  return new XmlReadError(
    'NOT_WELL_FORMED',
    'schema',
    `El archivo no es XML bien formado${whereIn(message)}: revisa que sea el XML de la factura y que esté completo.`,
  );
}

/**
 * Reads an XML document safely: size and encoding checked, DOCTYPE/ENTITY refused before any
 * parsing (a CFDI never needs them: this closes XXE and entity-expansion attacks), then checked
 * for well-formedness and turned into an element tree with resolved namespaces.
 */
export function readXml(input: Uint8Array | string, options: ReadXmlOptions = {}): XmlElement {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) {
    throw new XmlReadError(
      'TOO_LARGE',
      'security',
      `El archivo mide ${size.toLocaleString('es-MX')} bytes y el máximo es ${maxBytes.toLocaleString('es-MX')}. Un CFDI normal mide unos pocos KB.`,
    );
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = utf8.decode(input);
    } catch {
      throw new XmlReadError(
        'NOT_UTF8',
        'schema',
        'El archivo no está codificado en UTF-8, como exige el SAT para un CFDI.',
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Both markups start with `<!`: most documents have none, and then neither search is needed.
  const hasMarkupDeclaration = text.includes('<!');
  if (hasMarkupDeclaration && /<!DOCTYPE/i.test(text)) {
    throw new XmlReadError(
      'DOCTYPE_FORBIDDEN',
      'security',
      'El XML trae una declaración DOCTYPE. Un CFDI no la lleva; se rechaza por seguridad.',
    );
  }
  if (hasMarkupDeclaration && /<!ENTITY/i.test(text)) {
    throw new XmlReadError(
      'ENTITY_FORBIDDEN',
      'security',
      'El XML declara entidades (<!ENTITY). Un CFDI no las lleva; se rechaza por seguridad.',
    );
  }
  const declaration = text.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/);
  if (declaration?.[1] && !/^utf-?8$/i.test(declaration[1])) {
    throw new XmlReadError(
      'UNSUPPORTED_ENCODING',
      'schema',
      `El XML declara la codificación ${declaration[1]}; un CFDI debe estar en UTF-8.`,
    );
  }
  if (text.trim() === '') throw new XmlReadError('EMPTY_DOCUMENT', 'schema', 'El archivo está vacío.');
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // The plain XML of almost every CFDI is read without saxes; saxes decides everything else.
  return readCommonXml(text, maxDepth) ?? parseTree(text, maxDepth);
}

/**
 * One strict pass with saxes, a conformant XML parser: well-formedness, namespaces, entity and
 * character references, attribute-value and end-of-line normalization, as the XML spec says.
 * Exported for read-common-xml.test.ts, which holds the fast reader to it.
 */
export function parseTree(text: string, maxDepth: number): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      throw new XmlReadError(
        'TOO_DEEP',
        'security',
        `El XML anida más de ${maxDepth} niveles de elementos; un CFDI no lo necesita.`,
      );
    }
    const attributes: [string, string][] = [];
    for (const attribute of Object.values(tag.attributes)) {
      if (!isNamespaceDeclaration(attribute.name)) attributes.push([attribute.name, attribute.value]);
    }
    const element: XmlElement = {
      name: tag.name,
      localName: tag.local,
      namespace: tag.uri === '' ? null : tag.uri,
      attributes,
      children: [],
      text: '',
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const appendText = (value: string) => {
    const current = stack.at(-1);
    if (current) current.text += value;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('doctype', () => {
    throw new XmlReadError(
      'DOCTYPE_FORBIDDEN',
      'security',
      'El XML trae una declaración DOCTYPE. Un CFDI no la lleva; se rechaza por seguridad.',
    );
  });
  parser.on('error', (error) => {
    throw refusalFor(error);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw refusalFor(error as Error);
  }
  if (!root) throw new XmlReadError('NOT_WELL_FORMED', 'schema', 'El XML no tiene un elemento raíz.');
  return root;
}

/** The value of an attribute by its qualified name. */
export function attr(element: XmlElement, name: string): string | undefined {
  const attributes = element.attributes;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index] as [string, string];
    if (attribute[0] === name) return attribute[1];
  }
  return undefined;
}

/** Direct children with this namespace and local name. */
export function childrenOf(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children)
    if (child.localName === localName && child.namespace === namespace) found.push(child);
  return found;
}

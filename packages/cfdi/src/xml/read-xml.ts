import { XMLParser, XMLValidator } from 'fast-xml-parser';

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

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Entities are decoded here, after attribute-value normalization, as an XML processor does.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Names like toString or hasOwnProperty would otherwise be renamed silently ("__toString"),
  // changing what the cadena and schema checks see; a CFDI never uses them.
  onDangerousProperty: (name: string) => {
    throw new XmlReadError(
      'NOT_WELL_FORMED',
      'security',
      `El XML usa el nombre reservado "${name}"; un CFDI no lo usa.`,
    );
  },
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is not well-formed. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return codePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return codePoint(Number.parseInt(ref.slice(1), 10), whole);
    const char = PREDEFINED[ref];
    if (char === undefined) {
      throw new XmlReadError(
        'ENTITY_FORBIDDEN',
        'security',
        `El XML usa la entidad &${ref}; que no está definida. Un CFDI no la necesita.`,
      );
    }
    return char;
  });
}

function codePoint(value: number, whole: string): string {
  const allowed =
    value === 0x9 ||
    value === 0xa ||
    value === 0xd ||
    (value >= 0x20 && value <= 0xd7ff) ||
    (value >= 0xe000 && value <= 0x10ffff);
  if (!allowed || (value >= 0xfffe && value <= 0xffff)) {
    throw new XmlReadError(
      'NOT_WELL_FORMED',
      'schema',
      `El XML tiene una referencia a un carácter no permitido: ${whole}`,
    );
  }
  return String.fromCodePoint(value);
}

/** XML attribute-value normalization: literal tabs and line ends become spaces, then entities decode. */
function attributeValue(raw: string): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '));
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
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new XmlReadError(
        'NOT_UTF8',
        'schema',
        'El archivo no está codificado en UTF-8, como exige el SAT para un CFDI.',
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/<!DOCTYPE/i.test(text)) {
    throw new XmlReadError(
      'DOCTYPE_FORBIDDEN',
      'security',
      'El XML trae una declaración DOCTYPE. Un CFDI no la lleva; se rechaza por seguridad.',
    );
  }
  if (/<!ENTITY/i.test(text)) {
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
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new XmlReadError(
      'NOT_WELL_FORMED',
      'schema',
      `El archivo no es XML bien formado (línea ${line}, columna ${col}): ${msg}`,
    );
  }
  const nodes = parseTree(text);
  const roots = nodes.filter((node) => elementName(node) !== null);
  const [root] = roots;
  if (!root || roots.length !== 1)
    throw new XmlReadError('NOT_WELL_FORMED', 'schema', 'El XML debe tener exactamente un elemento raíz.');
  return toElement(root, new Map(), 0, options.maxDepth ?? DEFAULT_MAX_DEPTH);
}

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** fast-xml-parser's own errors (constructs its validator lets through, reserved names) become XmlReadError. */
function parseTree(text: string): RawNode[] {
  try {
    return parser.parse(text) as RawNode[];
  } catch (error) {
    if (error instanceof XmlReadError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('[SECURITY]')) {
      throw new XmlReadError(
        'NOT_WELL_FORMED',
        'security',
        'El XML usa un nombre reservado (__proto__, constructor o prototype); un CFDI no lo usa.',
      );
    }
    throw new XmlReadError('NOT_WELL_FORMED', 'schema', `El archivo no es XML bien formado: ${message}`);
  }
}

function elementName(node: RawNode): string | null {
  for (const key of Object.keys(node)) {
    if (key !== ':@' && key !== '#text' && key !== '#comment' && key !== '#cdata') return key;
  }
  return null;
}

function toElement(node: RawNode, scope: Map<string, string>, depth: number, maxDepth: number): XmlElement {
  if (depth > maxDepth) {
    throw new XmlReadError(
      'TOO_DEEP',
      'security',
      `El XML anida más de ${maxDepth} niveles de elementos; un CFDI no lo necesita.`,
    );
  }
  const name = elementName(node) as string;
  const rawAttributes = node[':@'] ?? {};
  let inScope = scope;
  const attributes: [string, string][] = [];
  for (const [attributeName, raw] of Object.entries(rawAttributes)) {
    const value = attributeValue(String(raw));
    if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) {
      if (inScope === scope) inScope = new Map(scope);
      inScope.set(attributeName === 'xmlns' ? '' : attributeName.slice(6), value);
    } else {
      attributes.push([attributeName, value]);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : '';
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] as RawNode[]) ?? []) {
    if (typeof child['#text'] === 'string') text += decodeEntities(child['#text']);
    else if (Array.isArray(child['#cdata']))
      text += String((child['#cdata'][0] as RawNode | undefined)?.['#text'] ?? '');
    else if (elementName(child) !== null) children.push(toElement(child, inScope, depth + 1, maxDepth));
  }
  return {
    name,
    localName: colon >= 0 ? name.slice(colon + 1) : name,
    namespace: inScope.get(prefix) ?? null,
    attributes,
    children,
    text,
  };
}

/** The value of an attribute by its qualified name. */
export function attr(element: XmlElement, name: string): string | undefined {
  for (const [key, value] of element.attributes) if (key === name) return value;
  return undefined;
}

/** Direct children with this namespace and local name. */
export function childrenOf(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  return element.children.filter((child) => child.namespace === namespace && child.localName === localName);
}

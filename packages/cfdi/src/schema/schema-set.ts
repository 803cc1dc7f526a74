/**
 * Which SAT schemas validate a document, decided exactly as /work/shared/sat/validate.sh (the
 * oracle) decides: cfdi:Addenda is removed first; every `namespace location` pair of every
 * xsi:schemaLocation (document order, first pair per namespace wins) is imported if the location
 * is a file of SAT's mirror, else the namespace's usual SAT location is used; namespaces used by
 * elements but not listed get their usual location. libxml2 then loads each import depth-first and
 * skips any import whose namespace is already loaded (the first schema for a namespace wins).
 */
import type { XmlElement } from '../xml/read-xml.js';
import { ELEMENT_KEYS } from './declarations.js';
import { MIRROR_PATHS, SCHEMA_FILES } from './rules.generated.js';

/** validate.sh's default_location(): the usual SAT schema of each namespace (copied verbatim). */
export const DEFAULT_LOCATIONS: Readonly<Record<string, string>> = {
  'http://www.sat.gob.mx/cfd/4': 'http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd',
  'http://www.sat.gob.mx/cfd/3': 'http://www.sat.gob.mx/sitio_internet/cfd/3/cfdv33.xsd',
  'http://www.sat.gob.mx/TimbreFiscalDigital':
    'http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd',
  'http://www.sat.gob.mx/Pagos20': 'http://www.sat.gob.mx/sitio_internet/cfd/Pagos/Pagos20.xsd',
  'http://www.sat.gob.mx/Pagos': 'http://www.sat.gob.mx/sitio_internet/cfd/Pagos/Pagos10.xsd',
  'http://www.sat.gob.mx/implocal': 'http://www.sat.gob.mx/sitio_internet/cfd/implocal/implocal.xsd',
  'http://www.sat.gob.mx/nomina12': 'http://www.sat.gob.mx/sitio_internet/cfd/nomina/nomina12.xsd',
  'http://www.sat.gob.mx/leyendasFiscales':
    'http://www.sat.gob.mx/sitio_internet/cfd/leyendasFiscales/leyendasFisc.xsd',
  'http://www.sat.gob.mx/ComercioExterior20':
    'http://www.sat.gob.mx/sitio_internet/cfd/ComercioExterior20/ComercioExterior20.xsd',
  'http://www.sat.gob.mx/CartaPorte31':
    'http://www.sat.gob.mx/sitio_internet/cfd/CartaPorte/CartaPorte31.xsd',
};

const CFDI_NAMESPACES = new Set(['http://www.sat.gob.mx/cfd/3', 'http://www.sat.gob.mx/cfd/4']);
// read-xml keeps attribute names as written, without their namespace: `xsi` is assumed to be bound
// to http://www.w3.org/2001/XMLSchema-instance, as in every CFDI.
const SCHEMA_LOCATION_ATTRIBUTE = 'xsi:schemaLocation';

/** The schemas that apply to one document. */
export interface SchemaSet {
  /** Global element declarations by `namespace|localName` (ELEMENTS indexes). */
  globals: ReadonlyMap<string, number>;
  /**
   * Mirror XSD imported that this library does not compile, by the namespace they were imported for
   * (SAT's files declare the namespace they are listed with): their elements are not validated.
   */
  uncompiled: ReadonlyMap<string | null, string>;
  /** Imported mirror files that are not schemas at all (xmllint then refuses the whole schema). */
  notSchemas: string[];
}

/** The oracle removes cfdi:Addenda (3.3 and 4.0) before validating; so does every walk here. */
export function isAddenda(element: XmlElement): boolean {
  return (
    element.localName === 'Addenda' && element.namespace !== null && CFDI_NAMESPACES.has(element.namespace)
  );
}

const mirrorFiles = new Set(MIRROR_PATHS);
const mirrorDirectories = new Set(
  MIRROR_PATHS.flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);

/** validate.sh's in_mirror(): the URL's path as a file of the mirror (with `.`/`..` resolved), or null. */
export function resolveMirrorPath(location: string): string | null {
  const match = /^https?:\/\/www\.sat\.gob\.mx\/(.*)$/.exec(location);
  if (!match || (match[1] ?? '').endsWith('/')) return null;
  const parts: string[] = [];
  for (const segment of (match[1] ?? '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.length === 0 || !mirrorDirectories.has(parts.join('/'))) return null;
    else parts.pop();
  }
  const file = parts.join('/');
  return mirrorFiles.has(file) ? file : null;
}

/** The xsi:schemaLocation values (document order) and element namespaces of the document, Addenda excluded. */
function collectHints(root: XmlElement): { locations: string[]; namespaces: Set<string> } {
  const locations: string[] = [];
  const namespaces = new Set<string>();
  const visit = (element: XmlElement) => {
    if (element.namespace) namespaces.add(element.namespace);
    for (const attribute of element.attributes)
      if (attribute[0] === SCHEMA_LOCATION_ATTRIBUTE) locations.push(attribute[1]);
    for (const child of element.children) if (!isAddenda(child)) visit(child);
  };
  visit(root);
  return { locations, namespaces };
}

/** The wrapper schema's imports, as validate.sh writes them: [namespace, mirror path][]. */
function listImports(locations: string[], namespaces: Set<string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const value of locations) {
    const words = value.split(/[ \t\r\n]+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i += 2) pairs.push([words[i] as string, words[i + 1] as string]);
  }
  const chosen = new Map<string, string>();
  for (const [namespace, location] of pairs) if (!chosen.has(namespace)) chosen.set(namespace, location);
  for (const namespace of [...namespaces].sort()) {
    const location = DEFAULT_LOCATIONS[namespace];
    if (location && !chosen.has(namespace)) chosen.set(namespace, location);
  }
  const imports: [string, string][] = [];
  for (const [namespace, location] of chosen) {
    const fallback = DEFAULT_LOCATIONS[namespace];
    const file = resolveMirrorPath(location) ?? (fallback ? resolveMirrorPath(fallback) : null);
    if (file) imports.push([namespace, file]);
  }
  return imports;
}

// Bounded: the key comes from the document, so distinct hostile schemaLocations must not grow memory.
const CACHE_LIMIT = 64;
const cache = new Map<string, SchemaSet>();

/** Loads the imports the way libxml2 does (depth-first, first schema per namespace wins). */
function loadSchemaSet(imports: [string, string][]): SchemaSet {
  const loaded = new Set<string>();
  const globals = new Map<string, number>();
  const uncompiled = new Map<string | null, string>();
  const notSchemas: string[] = [];
  const load = (namespace: string | null, file: string) => {
    const key = namespace ?? '';
    const compiled = SCHEMA_FILES[file];
    if (loaded.has(key) || (compiled && loaded.has(compiled.namespace ?? ''))) return;
    loaded.add(key);
    if (!compiled) {
      if (file.endsWith('.xsd')) uncompiled.set(namespace, file);
      else notSchemas.push(file);
      return;
    }
    loaded.add(compiled.namespace ?? '');
    for (const imported of compiled.imports) load(SCHEMA_FILES[imported]?.namespace ?? null, imported);
    for (const element of compiled.elements) globals.set(ELEMENT_KEYS[element] as string, element);
  };
  for (const [namespace, file] of imports) load(namespace, file);
  return { globals, uncompiled, notSchemas };
}

/**
 * The schemas validate.sh would give xmllint for this document, cached per distinct import list and
 * per distinct hints (schemaLocation values and namespaces): invoices from one issuer repeat them, so
 * most documents skip resolving locations.
 */
export function resolveSchemaSet(root: XmlElement): SchemaSet {
  const { locations, namespaces } = collectHints(root);
  // NUL never occurs in XML text, and the count says where the locations end: the key is unambiguous.
  const hintsKey = `${locations.length}\0${locations.join('\0')}\0${[...namespaces].sort().join('\0')}`;
  let set = cacheByHints.get(hintsKey);
  if (set) return set;
  const imports = listImports(locations, namespaces);
  const key = imports.map(([namespace, file]) => `${namespace} ${file}`).join('\n');
  set = cache.get(key);
  if (!set) {
    set = loadSchemaSet(imports);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, set);
  }
  if (cacheByHints.size >= CACHE_LIMIT) cacheByHints.clear();
  cacheByHints.set(hintsKey, set);
  return set;
}

const cacheByHints = new Map<string, SchemaSet>();

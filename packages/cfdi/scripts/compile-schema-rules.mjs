#!/usr/bin/env node
// Compiles SAT's XSDs in resources/sat-xsd (copied from phpcfdi/resources-sat-xml via shared/sat) into
// the rule table src/schema/rules.generated.ts that src/schema/check-schema.ts walks: no XSD is read
// at runtime. Only the XSD subset SAT's CFDI schemas use is accepted (element/complexType/sequence/
// choice/all/any, attributes, simpleType restrictions, simpleContent and complexContent extension);
// anything else makes this script fail instead of silently emitting a weaker rule.
//   node scripts/compile-schema-rules.mjs          (from packages/cfdi) writes the table
//   node scripts/compile-schema-rules.mjs --check  exits 1 if the committed table is stale
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const PACKAGE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RESOURCES = path.join(PACKAGE, 'resources/sat-xsd');
const MIRROR = path.join(RESOURCES, 'www.sat.gob.mx');
const OUTPUT = path.join(PACKAGE, 'src/schema/rules.generated.ts');
const XS = 'http://www.w3.org/2001/XMLSchema';
const UNBOUNDED = -1;

// Whitespace handling of the XSD built-in types the SAT schemas use (XSD Part 2, §4.3.6): string and
// anySimpleType preserve, normalizedString replaces, every other one collapses.
const PRESERVED = new Set(['anySimpleType', 'string']);
const BUILT_INS = new Set(
  'anySimpleType string normalizedString token NMTOKEN decimal integer long int short byte nonNegativeInteger positiveInteger date dateTime time gYear boolean base64Binary'.split(
    ' ',
  ),
);
const getWhiteSpace = (type) =>
  PRESERVED.has(type) ? 'preserve' : type === 'normalizedString' ? 'replace' : 'collapse';
const FACETS = ['length', 'minLength', 'maxLength', 'fractionDigits', 'totalDigits'];
const BOUNDS = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Every .xsd under resources/sat-xsd, as paths relative to www.sat.gob.mx/ (the SAT URL path). */
function listSchemas() {
  return readdirSync(MIRROR, { recursive: true })
    .filter((file) => file.endsWith('.xsd'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** An XSD element as {local, attrs, children, scope}; only the XMLSchema vocabulary is accepted. */
function convertNode(raw, parentScope, file) {
  const tag = Object.keys(raw).find((key) => key !== ':@');
  const attrs = raw[':@'] ?? {};
  const scope = { ...parentScope };
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'xmlns') scope[''] = value;
    else if (name.startsWith('xmlns:')) scope[name.slice(6)] = value;
  }
  const [prefix, local] = tag.includes(':') ? tag.split(':') : ['', tag];
  if (scope[prefix] !== XS) throw new Error(`${file}: <${tag}> is not an XML Schema element`);
  if (local === 'annotation') return null;
  const children = raw[tag]
    .filter((child) => !('#text' in child))
    .map((child) => convertNode(child, scope, file));
  return { local, attrs, children: children.filter(Boolean), scope, file };
}

const schemas = new Map();

/** Reads one XSD and, recursively, the ones it imports (relative schemaLocation, as phpcfdi rewrote them). */
function loadSchema(file) {
  if (schemas.has(file)) return schemas.get(file);
  const text = readFileSync(path.join(MIRROR, file), 'utf8').replace(/^\uFEFF/, '');
  const raw = parser.parse(text).find((node) => !('?xml' in node));
  const root = convertNode(raw, { xml: 'http://www.w3.org/XML/1998/namespace' }, file);
  if (root.local !== 'schema') throw new Error(`${file}: root is not xs:schema`);
  for (const name of Object.keys(root.attrs)) {
    if (!/^(xmlns(:.*)?|targetNamespace|elementFormDefault|attributeFormDefault|version|id)$/.test(name))
      throw new Error(`${file}: unsupported xs:schema attribute ${name}`);
  }
  if (root.attrs.attributeFormDefault === 'qualified') throw new Error(`${file}: qualified attributes`);
  const schema = {
    file,
    namespace: root.attrs.targetNamespace ?? null,
    qualified: root.attrs.elementFormDefault === 'qualified',
    prefix: Object.entries(root.scope).find(([, uri]) => uri === root.attrs.targetNamespace)?.[0] ?? '',
    imports: [],
    named: new Map(),
    globals: [],
  };
  schemas.set(file, schema);
  for (const child of root.children) {
    if (child.local === 'import') {
      const target = path.posix.normalize(
        path.posix.join(path.posix.dirname(file), child.attrs.schemaLocation),
      );
      schema.imports.push(loadSchema(target));
    } else if (['simpleType', 'complexType', 'element'].includes(child.local)) {
      schema.named.set(`${child.local === 'element' ? 'element' : 'type'} ${child.attrs.name}`, child);
      if (child.local === 'element') schema.globals.push(child);
    } else throw new Error(`${file}: unsupported top-level <xs:${child.local}>`);
  }
  return schema;
}

/** Resolves a QName written in `node`'s scope to the schema that declares it (own or imported). */
function resolveName(node, qname) {
  const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
  const namespace = node.scope[prefix] ?? null;
  if (namespace === XS) return { builtIn: local };
  const owner = findSchemaOf(node);
  const schema = [owner, ...owner.imports].find((candidate) => candidate.namespace === namespace);
  if (!schema) throw new Error(`${owner.file}: ${qname} is in a namespace the schema does not import`);
  const declaration = schema.named.get(`type ${local}`);
  if (!declaration) throw new Error(`${owner.file}: ${qname} is not declared`);
  return { schema, declaration };
}

const findSchemaOf = (node) => schemas.get(node.file);

/** Interned output tables: identical rules share one index, so the generated file stays small. */
function createTable() {
  const rows = [];
  const index = new Map();
  return {
    rows,
    add(row) {
      const key = JSON.stringify(row);
      if (!index.has(key)) index.set(key, rows.push(row) - 1);
      return index.get(key);
    },
  };
}
const simpleTypes = createTable();
const complexTypes = createTable();
const elements = createTable();
const namedSimple = new Map();
const namedComplex = new Map();

function normalizeSpace(value, whiteSpace) {
  if (whiteSpace === 'preserve') return value;
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return whiteSpace === 'replace' ? replaced : replaced.replace(/ +/g, ' ').trim();
}

/** A simple type as one flat rule: built-in base, whitespace, and every facet of its derivation chain. */
function compileSimpleType(node) {
  if (node.local !== 'simpleType') throw new Error(`${node.file}: expected xs:simpleType`);
  const key = node.attrs.name ? `${node.file}#${node.attrs.name}` : null;
  if (key && namedSimple.has(key)) return namedSimple.get(key);
  const [restriction, ...rest] = node.children;
  if (restriction?.local !== 'restriction' || rest.length > 0)
    throw new Error(`${node.file}: simpleType ${node.attrs.name ?? ''} is not a plain restriction`);
  const inline = restriction.children.find((child) => child.local === 'simpleType');
  const rule = structuredClone(
    inline
      ? compileSimpleType(inline)
      : compileBaseType(restriction, restriction.attrs.base, 'restriction base'),
  );
  if (key) rule.name = `${findSchemaOf(node).prefix}:${node.attrs.name}`;
  else delete rule.name;
  const patterns = [];
  const values = [];
  for (const facet of restriction.children) {
    const value = facet.attrs.value;
    if (facet.local === 'simpleType') continue;
    if (facet.local === 'pattern') patterns.push(value);
    else if (facet.local === 'enumeration') values.push(value);
    else if (facet.local === 'whiteSpace') rule.whiteSpace = value;
    else if (FACETS.includes(facet.local)) rule[facet.local] = Number(value);
    else if (BOUNDS.includes(facet.local)) {
      const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value);
      const dateTime = /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d)?$/.test(value) && /^date/.test(rule.base);
      if (!numeric && !dateTime) throw new Error(`${node.file}: bound ${value} on xs:${rule.base}`);
      rule.bounds = [...(rule.bounds ?? []), [facet.local, value]];
    } else throw new Error(`${node.file}: unsupported facet xs:${facet.local}`);
  }
  if (patterns.length > 0) rule.patterns = [...(rule.patterns ?? []), patterns];
  if (values.length > 0)
    rule.enumerations = [...(rule.enumerations ?? []), values.map((v) => normalizeSpace(v, rule.whiteSpace))];
  if (key) namedSimple.set(key, rule);
  return rule;
}

function compileBaseType(node, qname, what) {
  if (!qname) throw new Error(`${node.file}: ${what} without a type`);
  const resolved = resolveName(node, qname);
  if (resolved.builtIn) {
    if (!BUILT_INS.has(resolved.builtIn))
      throw new Error(`${node.file}: unsupported type xs:${resolved.builtIn}`);
    return { base: resolved.builtIn, whiteSpace: getWhiteSpace(resolved.builtIn) };
  }
  if (resolved.declaration.local !== 'simpleType') throw new Error(`${node.file}: ${qname} is not simple`);
  return compileSimpleType(resolved.declaration);
}

/** The type of an attribute or element: inline simpleType, a named/built-in type, or anySimpleType. */
function compileTypeOf(node) {
  const inline = node.children.find((child) => child.local === 'simpleType');
  if (inline) return simpleTypes.add(compileSimpleType(inline));
  return simpleTypes.add(
    node.attrs.type
      ? compileBaseType(node, node.attrs.type, 'type')
      : { base: 'anySimpleType', whiteSpace: 'preserve' },
  );
}

function compileAttribute(node) {
  const { name, use = 'optional', fixed, ref, form } = node.attrs;
  if (!name || ref || form || !['required', 'optional'].includes(use))
    throw new Error(`${node.file}: unsupported attribute declaration ${name ?? ref}`);
  const rule = { name, type: compileTypeOf(node) };
  if (use === 'required') rule.required = true;
  if (fixed !== undefined) rule.fixed = fixed;
  return rule;
}

function readOccurs(node) {
  const min = Number(node.attrs.minOccurs ?? 1);
  const max = node.attrs.maxOccurs === 'unbounded' ? UNBOUNDED : Number(node.attrs.maxOccurs ?? 1);
  return { ...(min !== 1 && { min }), ...(max !== 1 && { max }) };
}

/** A content-model particle: {seq|choice|all: [...]}, {element: index} or {any: processContents}. */
function compileParticle(node) {
  if (['sequence', 'choice', 'all'].includes(node.local)) {
    const key = node.local === 'sequence' ? 'seq' : node.local;
    return { [key]: node.children.map(compileParticle), ...readOccurs(node) };
  }
  if (node.local === 'element') {
    const schema = findSchemaOf(node);
    return { element: compileElement(node, schema.qualified ? schema.namespace : null), ...readOccurs(node) };
  }
  if (node.local === 'any') {
    if ((node.attrs.namespace ?? '##any') !== '##any') throw new Error(`${node.file}: xs:any namespace`);
    return { any: node.attrs.processContents ?? 'strict', ...readOccurs(node) };
  }
  throw new Error(`${node.file}: unsupported particle xs:${node.local}`);
}

function compileElement(node, namespace) {
  const { name, type, ref, nillable, abstract, substitutionGroup, form, fixed } = node.attrs;
  if (!name || ref || nillable || abstract || substitutionGroup || form || fixed)
    throw new Error(`${node.file}: unsupported element declaration ${name ?? ref}`);
  const schema = findSchemaOf(node);
  const rule = { namespace, name: namespace && schema.prefix ? `${schema.prefix}:${name}` : name };
  const complex = node.children.find((child) => child.local === 'complexType');
  if (complex) rule.complex = compileComplexType(complex);
  else if (node.children.some((child) => child.local === 'simpleType')) rule.simple = compileTypeOf(node);
  else if (!type) throw new Error(`${node.file}: element ${name} without a type`);
  else {
    const resolved = resolveName(node, type);
    if (resolved.declaration?.local === 'complexType')
      rule.complex = compileComplexType(resolved.declaration);
    else rule.simple = compileTypeOf(node);
  }
  return elements.add(rule);
}

/** A complex type: attributes in declaration order, then its content (element-only, empty, simple, mixed). */
function compileComplexType(node) {
  const key = node.attrs.name ? `${node.file}#${node.attrs.name}` : null;
  if (key && namedComplex.has(key)) return namedComplex.get(key);
  const rule = { attributes: [] };
  if (node.attrs.mixed === 'true') rule.mixed = true;
  collectComplexContent(node, rule);
  const index = complexTypes.add(rule);
  if (key) namedComplex.set(key, index);
  return index;
}

function collectComplexContent(node, rule) {
  for (const child of node.children) {
    if (child.local === 'attribute') rule.attributes.push(compileAttribute(child));
    else if (['sequence', 'choice', 'all'].includes(child.local)) rule.content = compileParticle(child);
    else if (child.local === 'simpleContent') {
      const [extension] = child.children;
      if (extension?.local !== 'extension') throw new Error(`${node.file}: simpleContent without extension`);
      rule.simple = simpleTypes.add(compileBaseType(extension, extension.attrs.base, 'simpleContent base'));
      collectComplexContent(extension, rule);
    } else if (child.local === 'complexContent') {
      const [extension] = child.children;
      if (extension?.local !== 'extension') throw new Error(`${node.file}: complexContent without extension`);
      const base = resolveName(extension, extension.attrs.base).declaration;
      if (base?.local !== 'complexType') throw new Error(`${node.file}: complexContent base is not complex`);
      const inherited = { attributes: [] };
      collectComplexContent(base, inherited);
      const own = { attributes: [] };
      collectComplexContent(extension, own);
      rule.attributes.push(...inherited.attributes, ...own.attributes);
      const parts = [inherited.content, own.content].filter(Boolean);
      if (parts.length > 0) rule.content = parts.length === 1 ? parts[0] : { seq: parts };
    } else throw new Error(`${node.file}: unsupported xs:${child.local} in a complexType`);
  }
}

/** Every file of the upstream mirror (MANIFEST.tsv): validate.sh imports a location only if it is one. */
function readMirrorPaths() {
  return readFileSync(path.join(RESOURCES, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[1])
    .filter((local) => local?.startsWith('www.sat.gob.mx/'))
    .map((local) => local.slice('www.sat.gob.mx/'.length));
}

const files = {};
for (const file of listSchemas()) loadSchema(file);
for (const schema of [...schemas.values()].sort((a, b) => a.file.localeCompare(b.file))) {
  files[schema.file] = {
    namespace: schema.namespace,
    imports: schema.imports.map((imported) => imported.file),
    elements: schema.globals.map((node) => compileElement(node, schema.namespace)),
  };
}

const source = `// Generated by scripts/compile-schema-rules.mjs from SAT's XSD in resources/sat-xsd (see its README.md).
// Do not edit by hand: change the XSD there and run \`node scripts/compile-schema-rules.mjs\` in packages/cfdi.
import type { ComplexTypeRule, ElementRule, SchemaFileRule, SimpleTypeRule } from './rule-types.js';

/** Simple types, flattened: built-in base, whitespace, facets of every derivation step. */
export const SIMPLE_TYPES: readonly SimpleTypeRule[] = ${JSON.stringify(simpleTypes.rows)};

/** Complex types: attributes and content model (particles refer to ELEMENTS by index). */
export const COMPLEX_TYPES: readonly ComplexTypeRule[] = ${JSON.stringify(complexTypes.rows)};

/** Element declarations, global and local, by index. */
export const ELEMENTS: readonly ElementRule[] = ${JSON.stringify(elements.rows)};

/** Each compiled XSD by its SAT URL path (after http://www.sat.gob.mx/): namespace, imports, global elements. */
export const SCHEMA_FILES: Readonly<Record<string, SchemaFileRule>> = ${JSON.stringify(files)};

/** Every file in the SAT mirror validate.sh resolves schema locations against (compiled or not). */
export const MIRROR_PATHS: readonly string[] = ${JSON.stringify(readMirrorPaths())};
`;

/** Formats with the repository's Biome settings so regenerating gives no diff against the linted file. */
function format(text) {
  const biome = path.join(PACKAGE, '../../node_modules/.bin/biome');
  return execFileSync(biome, ['format', '--stdin-file-path', OUTPUT], { input: text, encoding: 'utf8' });
}

const formatted = format(source);
if (process.argv.includes('--check')) {
  if (readFileSync(OUTPUT, 'utf8') !== formatted) {
    console.error('src/schema/rules.generated.ts is stale: run node scripts/compile-schema-rules.mjs');
    process.exit(1);
  }
  console.log('rules.generated.ts is up to date');
} else {
  writeFileSync(OUTPUT, formatted);
  const counts = `${schemas.size} XSD, ${elements.rows.length} elements, ${complexTypes.rows.length} complex and ${simpleTypes.rows.length} simple types`;
  console.log(`wrote ${path.relative(PACKAGE, OUTPUT)}: ${counts}`);
}

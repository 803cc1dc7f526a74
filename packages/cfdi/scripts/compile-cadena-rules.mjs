#!/usr/bin/env node
// Compiles SAT's cadena-original stylesheets (resources/sat-xslt, copied from phpcfdi/resources-sat-xml)
// into the rule table src/cadena/rules.generated.ts that src/cadena/build-cadena.ts walks.
// SAT's XSLT uses a tiny subset (templates matching elements, Requerido/Opcional, apply-templates,
// for-each, if); anything outside it makes this script fail instead of silently emitting wrong rules.
//   node scripts/compile-cadena-rules.mjs          (from packages/cfdi) writes the table
//   node scripts/compile-cadena-rules.mjs --check  exits 1 if the committed table is stale
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const PACKAGE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CFD = path.join(PACKAGE, 'resources/sat-xslt/www.sat.gob.mx/sitio_internet/cfd');
const OUTPUT = path.join(PACKAGE, 'src/cadena/rules.generated.ts');
const XSL = 'http://www.w3.org/1999/XSL/Transform';

/** The stylesheets the library implements, by the name the runtime looks them up with. */
const STYLESHEETS = {
  '4.0': '4/cadenaoriginal_4_0/cadenaoriginal_4_0.xslt',
  3.3: '3/cadenaoriginal_3_3/cadenaoriginal_3_3.xslt',
  'TFD 1.1': 'TimbreFiscalDigital/cadenaoriginal_TFD_1_1.xslt',
};

/**
 * SAT's helper templates, as canonical text (see describeNode). The runtime hard-codes their meaning
 * (Requerido: `|` + normalize-space(value); Opcional: the same only when the node-set is not empty),
 * so the script refuses to run if SAT ever changes them.
 */
const HELPERS = {
  Requerido: 'param(name=valor)|call-template(name=ManejaEspacios)[with-param(name=s,select=$valor)]',
  Opcional:
    'param(name=valor)if(test=$valor)[|call-template(name=ManejaEspacios)[with-param(name=s,select=$valor)]]',
  ManejaEspacios: 'param(name=s)value-of(select=normalize-space(string($s)))',
};

// XPath subset: `.`, `*`, `prefix:Name` and `@Name` steps joined by `/` or `//`, optionally from `/`.
const STEP = /^(\.|\*|[A-Za-z_][\w.-]*:[\p{L}\w.-]+|@[\p{L}_][\p{L}\w.-]*)$/u;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** One parsed XSLT file: its namespace prefixes and top-level instructions in document order. */
function readStylesheet(file) {
  const nodes = parser.parse(readFileSync(path.join(CFD, file), 'utf8'));
  const root = nodes.find((node) => tagOf(node) === 'xsl:stylesheet');
  if (!root) throw new Error(`${file}: no xsl:stylesheet root`);
  const namespaces = {};
  for (const [name, value] of Object.entries(root[':@'] ?? {})) {
    if (name.startsWith('xmlns:')) namespaces[name.slice(6)] = value;
  }
  if (namespaces.xsl !== XSL) throw new Error(`${file}: the xsl prefix is not XSLT`);
  return { file, namespaces, children: root['xsl:stylesheet'] };
}

function tagOf(node) {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function attributesOf(node) {
  return node[':@'] ?? {};
}

/** Canonical one-line text of an XSLT fragment, used to compare SAT's helper templates. */
function describeNode(children) {
  return children
    .map((node) => {
      if (node['#text'] !== undefined) return node['#text'].trim();
      const tag = tagOf(node);
      const attributes = Object.entries(attributesOf(node))
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
      const inner = describeNode(node[tag]);
      return `${tag.replace(/^xsl:/, '')}(${attributes})${inner ? `[${inner}]` : ''}`;
    })
    .join('');
}

/** Checks an XPath expression is in the supported subset; returns it without a leading `./`. */
function checkPath(expression, file, namespaces) {
  let rest = expression.trim();
  if (rest.startsWith('./') && !rest.startsWith('.//')) rest = rest.slice(2);
  const steps = (rest.startsWith('/') && !rest.startsWith('//') ? rest.slice(1) : rest).split(/\/\/?/);
  for (const [index, step] of steps.entries()) {
    if (!STEP.test(step)) throw new Error(`${file}: unsupported XPath step '${step}' in '${expression}'`);
    if (step.startsWith('@') && index !== steps.length - 1)
      throw new Error(`${file}: attribute step before the end of '${expression}'`);
    const prefix = step.includes(':') && !step.startsWith('@') ? step.split(':')[0] : null;
    if (prefix && !namespaces[prefix]) throw new Error(`${file}: undeclared prefix in '${expression}'`);
  }
  return rest;
}

/** Turns a template body into rule instructions; throws on any XSLT construct outside SAT's subset. */
function compileBody(children, sheet) {
  const out = [];
  for (const node of children) {
    if (node['#text'] !== undefined) {
      if (node['#text'].trim() !== '') out.push({ text: node['#text'] });
      continue;
    }
    const tag = tagOf(node);
    const attributes = attributesOf(node);
    const body = node[tag];
    if (tag === 'xsl:call-template') {
      const params = body.filter((child) => tagOf(child));
      const [param] = params;
      const mode = { Requerido: 'req', Opcional: 'opt' }[attributes.name];
      if (!mode || params.length !== 1 || tagOf(param) !== 'xsl:with-param')
        throw new Error(`${sheet.file}: unsupported call-template ${attributes.name}`);
      const { name, select } = attributesOf(param);
      if (name !== 'valor' || !select) throw new Error(`${sheet.file}: unexpected parameter ${name}`);
      out.push({ [mode]: checkPath(select, sheet.file, sheet.namespaces) });
    } else if (tag === 'xsl:apply-templates') {
      if (!attributes.select || body.some((child) => tagOf(child)))
        throw new Error(`${sheet.file}: apply-templates without select or with parameters`);
      out.push({ apply: checkPath(attributes.select, sheet.file, sheet.namespaces) });
    } else if (tag === 'xsl:for-each') {
      out.push({
        each: checkPath(attributes.select, sheet.file, sheet.namespaces),
        do: compileBody(body, sheet),
      });
    } else if (tag === 'xsl:if') {
      // Two test forms occur: a path (true when it selects something) and `./@attr='literal'`.
      const comparison = attributes.test.match(/^(.*?)\s*=\s*'([^']*)'$/);
      const test = checkPath(comparison ? comparison[1] : attributes.test, sheet.file, sheet.namespaces);
      out.push(
        comparison
          ? { if: test, equals: comparison[2], do: compileBody(body, sheet) }
          : { if: test, do: compileBody(body, sheet) },
      );
    } else {
      throw new Error(`${sheet.file}: unsupported instruction ${tag} inside a template`);
    }
  }
  return out;
}

/** Compiles one file into a module: its match templates in order; helper templates are only checked. */
function compileModule(sheet) {
  const templates = [];
  const includes = [];
  for (const node of sheet.children) {
    const tag = tagOf(node);
    if (!tag) continue;
    const attributes = attributesOf(node);
    if (tag === 'xsl:output') continue;
    if (tag === 'xsl:include') {
      // The runtime's "later file wins" order assumes includes come before a file's own templates.
      if (templates.length > 0) throw new Error(`${sheet.file}: xsl:include after a template`);
      includes.push(path.posix.normalize(path.posix.join(path.posix.dirname(sheet.file), attributes.href)));
    } else if (tag === 'xsl:template' && attributes.name) {
      const expected = HELPERS[attributes.name];
      if (describeNode(node[tag]) !== expected)
        throw new Error(
          `${sheet.file}: SAT changed the helper template ${attributes.name}; review the runtime`,
        );
    } else if (tag === 'xsl:template' && attributes.match) {
      const match = attributes.match.trim();
      if (match !== '/' && !/^[A-Za-z_][\w.-]*:[\p{L}\w.-]+$/u.test(match))
        throw new Error(`${sheet.file}: unsupported match pattern '${match}'`);
      templates.push([match, compileBody(node[tag], sheet)]);
    } else {
      throw new Error(`${sheet.file}: unsupported top-level element ${tag}`);
    }
  }
  return { templates, includes };
}

const modules = new Map();
const stylesheets = {};
for (const [name, mainFile] of Object.entries(STYLESHEETS)) {
  // Flattened in document order (an include stands where it is written), as XSLT resolves conflicts:
  // two templates for the same element and precedence → the last one wins (libxslt does this too).
  const order = [];
  const winners = new Map();
  const visit = (file) => {
    if (!modules.has(file)) {
      const sheet = readStylesheet(file);
      modules.set(file, { namespaces: sheet.namespaces, ...compileModule(sheet) });
    }
    const module = modules.get(file);
    for (const include of module.includes) visit(include);
    order.push(file);
    for (const [match] of module.templates) {
      const key = match === '/' ? '/' : `${module.namespaces[match.split(':')[0]]} ${match.split(':')[1]}`;
      if (winners.has(key) && !process.argv.includes('--check'))
        console.warn(`${name}: ${match} in ${file} overrides ${winners.get(key)}`);
      winners.set(key, file);
    }
  };
  // Each included file only holds templates and SAT's mains put their own templates after every
  // include, so "modules in this order, later wins" is the same resolution as document order.
  visit(mainFile);
  stylesheets[name] = order;
}

/** Keeps only the prefixes a module's rules use, so the table stays readable. */
function usedNamespaces(module) {
  const text = JSON.stringify(module.templates);
  return Object.fromEntries(
    Object.entries(module.namespaces).filter(
      ([prefix]) => prefix !== 'xsl' && new RegExp(`[^\\w]${prefix}:`).test(text),
    ),
  );
}

const manifest = readFileSync(path.join(PACKAGE, 'resources/sat-xslt/README.md'), 'utf8');
const commit = manifest.match(/commit\s+`?([0-9a-f]{40})/)?.[1] ?? 'unknown';
const moduleEntries = [...modules.entries()].sort(([a], [b]) => a.localeCompare(b));
const source = `// Generated by scripts/compile-cadena-rules.mjs from SAT's cadena original XSLT in
// resources/sat-xslt (phpcfdi/resources-sat-xml@${commit}). Do not edit by hand:
// change the XSLT there and run \`node scripts/compile-cadena-rules.mjs\` in packages/cfdi.
import type { RuleModule } from './rule-types.js';

/** One entry per SAT XSLT file: its prefixes and, per matched element, the instructions in order. */
export const RULE_MODULES: Readonly<Record<string, RuleModule>> = ${JSON.stringify(
  Object.fromEntries(
    moduleEntries.map(([file, module]) => [
      file,
      { namespaces: usedNamespaces(module), templates: Object.fromEntries(module.templates) },
    ]),
  ),
)};

/** Per stylesheet, its files in precedence order: a later file's template wins over an earlier one. */
export const RULE_STYLESHEETS = ${JSON.stringify(stylesheets)} as const;
`;

for (const module of modules.values()) {
  const matches = module.templates.map(([match]) => match);
  if (new Set(matches).size !== matches.length) throw new Error('a file matches the same element twice');
}
if (process.argv.includes('--check')) {
  const formatted = format(source);
  if (readFileSync(OUTPUT, 'utf8') !== formatted) {
    console.error('src/cadena/rules.generated.ts is stale: run node scripts/compile-cadena-rules.mjs');
    process.exit(1);
  }
  console.log('rules.generated.ts is up to date');
} else {
  writeFileSync(OUTPUT, format(source));
  console.log(`wrote ${path.relative(PACKAGE, OUTPUT)}: ${modules.size} files, ${count()} templates`);
}

function count() {
  return [...modules.values()].reduce((total, module) => total + module.templates.length, 0);
}

/** Formats with the repository's Biome settings so regenerating gives no diff against the linted file. */
function format(text) {
  const biome = path.join(PACKAGE, '../../node_modules/.bin/biome');
  return execFileSync(biome, ['format', '--stdin-file-path', OUTPUT], { input: text, encoding: 'utf8' });
}

// Test support: builds random documents that exercise a compiled stylesheet's rules (every attribute,
// child path and complement they name, plus noise the rules do not name), so the TypeScript walker can
// be compared with xsltproc on complements no fixture carries. Values mix XML whitespace, entities and
// non-ASCII text; serialization varies prefixes, attribute order and escaping.
import { type Op, type Path, type Step, type Stylesheet, templateKey } from './compile-rules.js';

interface Node {
  namespace: string;
  localName: string;
  attributes: [string, string][];
  children: Node[];
  text: string;
}

export type Random = () => number;

/** A small seeded PRNG (mulberry32), so a failing seed reproduces the same document. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'A',
  'b',
  '9',
  '0.50',
  ' ',
  '  ',
  '\t',
  '\n',
  'ñ',
  'Ñ',
  'é',
  '&',
  '<',
  '>',
  '"',
  "'",
  '|',
  '\u00a0',
  '😀',
];
const FOREIGN = 'urn:ejemplo:ajeno';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function randomText(random: Random): string {
  if (random() < 0.1) return '';
  let text = '';
  const length = 1 + Math.floor(random() * 6);
  for (let index = 0; index < length; index += 1) text += pick(random, PIECES);
  return text;
}

/** Elements no path names by name: what `Complemento/*` and `ComplementoConcepto/*` can hold. */
export function complementRoots(stylesheet: Stylesheet): string[] {
  const named = new Set<string>();
  const visit = (ops: readonly Op[]) => {
    for (const op of ops) {
      if (op.kind === 'text') continue;
      for (const step of op.path.steps)
        if (step.localName) named.add(templateKey(step.namespace, step.localName));
      if (op.kind === 'each' || op.kind === 'if') visit(op.body);
    }
  };
  visit(stylesheet.root);
  for (const ops of stylesheet.templates.values()) visit(ops);
  return [...stylesheet.templates.keys()].filter((key) => !named.has(key)).sort();
}

function splitKey(key: string) {
  const space = key.lastIndexOf(' ');
  return { namespace: key.slice(0, space), localName: key.slice(space + 1) };
}

class Synthesizer {
  constructor(
    private readonly stylesheet: Stylesheet,
    private readonly random: Random,
    private readonly complements: readonly string[],
  ) {}

  createElement(namespace: string, localName: string, depth: number): Node {
    const node: Node = { namespace, localName, attributes: [], children: [], text: '' };
    const template = this.stylesheet.templates.get(templateKey(namespace, localName));
    if (template && depth > 0) this.fill(node, template, depth - 1);
    if (this.random() < 0.15) node.attributes.push(['Ajeno', randomText(this.random)]);
    if (this.random() < 0.1) node.children.push({ ...this.foreign(), text: '' });
    return node;
  }

  /** An element no template matches: XSLT's built-in rule copies its text to the cadena. */
  foreign(): Node {
    return {
      namespace: FOREIGN,
      localName: 'Ajeno',
      attributes: [['Dato', 'x']],
      children: [],
      text: randomText(this.random),
    };
  }

  fill(node: Node, ops: readonly Op[], depth: number): void {
    for (const op of ops) {
      if (op.kind === 'text') continue;
      const present = op.kind === 'value' ? (op.optional ? 0.6 : 0.85) : 0.75;
      if (this.random() > present) continue;
      const targets = op.path.steps.length === 0 ? [node] : this.realize(node, op.path, depth);
      for (const target of targets) {
        if (op.kind === 'value') this.setValue(target, op.path);
        if (op.kind === 'each') this.fill(target, op.body, depth);
      }
      if (op.kind === 'if') {
        if (op.equals !== null && op.path.attribute) this.setAttribute(node, op.path.attribute, op.equals);
        this.fill(node, op.body, depth);
      }
    }
  }

  setValue(node: Node, path: Path): void {
    if (path.attribute) this.setAttribute(node, path.attribute, randomText(this.random));
    else node.text = randomText(this.random);
  }

  setAttribute(node: Node, name: string, value: string): void {
    const existing = node.attributes.find(([key]) => key === name);
    if (existing) existing[1] = value;
    else node.attributes.push([name, value]);
  }

  /** Creates the path's elements below `node` (reusing intermediate ones) and returns the last ones. */
  realize(node: Node, path: Path, depth: number): Node[] {
    let current = node;
    for (const [index, step] of path.steps.entries()) {
      if (index === path.steps.length - 1) return this.createLast(current, step, depth);
      const existing = current.children.find(
        (child) => child.localName === step.localName && child.namespace === step.namespace,
      );
      if (existing && this.random() < 0.8) current = existing;
      else {
        const created: Node = {
          namespace: step.namespace ?? FOREIGN,
          localName: step.localName ?? 'Ajeno',
          attributes: [],
          children: [],
          text: '',
        };
        current.children.push(created);
        current = created;
      }
    }
    return [current];
  }

  createLast(parent: Node, step: Step, depth: number): Node[] {
    const count = this.random() < 0.7 ? 1 : 2;
    const created: Node[] = [];
    for (let index = 0; index < count; index += 1) {
      const element =
        step.localName === null
          ? this.complementElement(depth)
          : this.createElement(step.namespace ?? FOREIGN, step.localName, depth);
      parent.children.push(element);
      created.push(element);
    }
    return created;
  }

  complementElement(depth: number): Node {
    if (this.random() < 0.15) return this.foreign();
    const { namespace, localName } = splitKey(pick(this.random, this.complements));
    return this.createElement(namespace, localName, depth);
  }
}

/**
 * A random document for the stylesheet, rooted at `root` (e.g. the Comprobante), whose Complemento
 * holds the given complement elements (template keys) when given, else random ones; `root.attributes`
 * are set after the random ones (e.g. the Version that picks the stylesheet).
 */
export function synthesizeDocument(
  stylesheet: Stylesheet,
  root: { namespace: string; localName: string; attributes?: [string, string][] },
  random: Random,
  complements: readonly string[] = complementRoots(stylesheet),
): string {
  const synthesizer = new Synthesizer(stylesheet, random, complements);
  const document = synthesizer.createElement(root.namespace, root.localName, 14);
  for (const [name, value] of root.attributes ?? []) synthesizer.setAttribute(document, name, value);
  return serialize(document, random);
}

function serialize(root: Node, random: Random): string {
  const prefixes = new Map<string, string>();
  const defaultNamespace = random() < 0.3 ? root.namespace : null;
  const prefixOf = (namespace: string) => {
    if (namespace === defaultNamespace) return '';
    let prefix = prefixes.get(namespace);
    if (!prefix) {
      prefix = namespace === root.namespace ? 'cfdi' : `n${prefixes.size + 1}`;
      prefixes.set(namespace, prefix);
    }
    return `${prefix}:`;
  };
  const indent = random() < 0.5;
  const write = (node: Node, level: number): string => {
    const name = `${prefixOf(node.namespace)}${node.localName}`;
    const attributes = [...node.attributes].sort(() => random() - 0.5);
    const attributeText = attributes
      .map(([key, value]) => ` ${key}="${escapeAttribute(value, random)}"`)
      .join('');
    const pad = indent ? `\n${'  '.repeat(level + 1)}` : '';
    const inner = node.children.map((child) => pad + write(child, level + 1)).join('');
    const content = node.text
      ? escapeText(node.text)
      : inner + (inner && indent ? `\n${'  '.repeat(level)}` : '');
    return content ? `<${name}${attributeText}>${content}</${name}>` : `<${name}${attributeText}/>`;
  };
  const body = write(root, 0);
  const declarations = [...prefixes].map(([namespace, prefix]) => ` xmlns:${prefix}="${namespace}"`).join('');
  const defaultDeclaration = defaultNamespace ? ` xmlns="${defaultNamespace}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(/^<([^\s/>]+)/, `<$1${defaultDeclaration}${declarations}`)}`;
}

/** Escapes for an attribute, sometimes writing whitespace literally (XML then turns it into spaces). */
function escapeAttribute(value: string, random: Random): string {
  const literal = random() < 0.3;
  return value.replace(/[&<"\t\n\r]/g, (char) => {
    if (char === '&') return random() < 0.5 ? '&amp;' : '&#38;';
    if (char === '<') return '&lt;';
    if (char === '"') return random() < 0.5 ? '&quot;' : '&#34;';
    if (literal && char !== '\r') return char;
    return `&#${char.charCodeAt(0)};`;
  });
}

function escapeText(value: string): string {
  return value.replace(
    /[&<>\r]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[char] ?? char,
  );
}

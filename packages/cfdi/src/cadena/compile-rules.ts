import type { RuleInstruction, RuleModule } from './rule-types.js';
import { RULE_MODULES, RULE_STYLESHEETS } from './rules.generated.js';

export type StylesheetName = keyof typeof RULE_STYLESHEETS;

/** An element name test: `namespace` and `localName` are null for `*`. */
export interface Step {
  readonly descendant: boolean;
  readonly namespace: string | null;
  readonly localName: string | null;
}

/** A parsed path: from the document or the context node, element steps, then maybe an attribute. */
export interface Path {
  readonly absolute: boolean;
  readonly steps: readonly Step[];
  readonly attribute: string | null;
  /** With a `//` step the results may come out of document order and need sorting. */
  readonly hasDescendantStep: boolean;
}

export type Op =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly optional: boolean; readonly path: Path }
  | { readonly kind: 'apply'; readonly path: Path }
  | { readonly kind: 'each'; readonly path: Path; readonly body: readonly Op[] }
  | {
      readonly kind: 'if';
      readonly path: Path;
      readonly equals: string | null;
      readonly body: readonly Op[];
    };

export interface Stylesheet {
  /** The instructions of the template matching the document (`/`). */
  readonly root: readonly Op[];
  /** Templates by `templateKey(namespace, localName)`. */
  readonly templates: ReadonlyMap<string, readonly Op[]>;
}

export const templateKey = (namespace: string | null, localName: string) => `${namespace ?? ''} ${localName}`;

const compiled = new Map<StylesheetName, Stylesheet>();

/** The compiled stylesheet, built once on first use (a few hundred templates: well under a millisecond). */
export function loadStylesheet(name: StylesheetName): Stylesheet {
  let stylesheet = compiled.get(name);
  if (!stylesheet) {
    stylesheet = compileStylesheet(name);
    compiled.set(name, stylesheet);
  }
  return stylesheet;
}

function compileStylesheet(name: StylesheetName): Stylesheet {
  const templates = new Map<string, readonly Op[]>();
  let root: readonly Op[] | undefined;
  // Files come in XSLT precedence order, so a later file's template replaces an earlier one,
  // e.g. the main stylesheet's `/` replaces the one vehiculousado.xslt also declares.
  for (const file of RULE_STYLESHEETS[name]) {
    const module = RULE_MODULES[file];
    if (!module) throw new Error(`rules.generated.ts has no module ${file}`);
    for (const [match, instructions] of Object.entries(module.templates)) {
      const ops = compileInstructions(instructions, module);
      if (match === '/') root = ops;
      else {
        const { namespace, localName } = resolveName(match, module);
        templates.set(templateKey(namespace, localName), ops);
      }
    }
  }
  if (!root) throw new Error(`the ${name} stylesheet has no template for the document`);
  return { root, templates };
}

function compileInstructions(instructions: readonly RuleInstruction[], module: RuleModule): Op[] {
  return instructions.map((instruction): Op => {
    if ('text' in instruction) return { kind: 'text', text: instruction.text };
    if ('req' in instruction)
      return { kind: 'value', optional: false, path: parsePath(instruction.req, module) };
    if ('opt' in instruction)
      return { kind: 'value', optional: true, path: parsePath(instruction.opt, module) };
    if ('apply' in instruction) return { kind: 'apply', path: parsePath(instruction.apply, module) };
    if ('each' in instruction) {
      const body = compileInstructions(instruction.do, module);
      return { kind: 'each', path: parsePath(instruction.each, module), body };
    }
    const body = compileInstructions(instruction.do, module);
    return { kind: 'if', path: parsePath(instruction.if, module), equals: instruction.equals ?? null, body };
  });
}

/** Parses the generator's path subset (see rule-types.ts); `.` steps select the node itself, so they drop out. */
function parsePath(text: string, module: RuleModule): Path {
  const absolute = text.startsWith('/') && !text.startsWith('//');
  const tokens = (absolute ? text.slice(1) : text).split('/');
  const steps: Step[] = [];
  let attribute: string | null = null;
  let descendant = false;
  for (const [index, token] of tokens.entries()) {
    if (token === '') {
      descendant = true;
    } else if (token === '.') {
      if (descendant) throw new Error(`unsupported path ${text}`);
    } else if (token.startsWith('@')) {
      if (descendant || index !== tokens.length - 1) throw new Error(`unsupported path ${text}`);
      attribute = token.slice(1);
    } else {
      const name = token === '*' ? { namespace: null, localName: null } : resolveName(token, module);
      steps.push({ descendant, ...name });
      descendant = false;
    }
  }
  return { absolute, steps, attribute, hasDescendantStep: steps.some((step) => step.descendant) };
}

function resolveName(qualified: string, module: RuleModule) {
  const [prefix = '', localName = ''] = qualified.split(':');
  const namespace = module.namespaces[prefix];
  if (!namespace || !localName) throw new Error(`unknown prefix in ${qualified}`);
  return { namespace, localName };
}

import { attr, type XmlElement } from '../xml/read-xml.js';
import {
  loadStylesheet,
  type Op,
  type Path,
  type Stylesheet,
  type StylesheetName,
  templateKey,
} from './compile-rules.js';

export type CadenaProblem = 'NOT_A_COMPROBANTE' | 'UNSUPPORTED_VERSION' | 'NOT_A_TIMBRE' | 'MIXED_CONTENT';

/** The cadena original cannot be built as SAT would; `message` is Spanish text a person can act on. */
export class CadenaError extends Error {
  constructor(
    readonly code: CadenaProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CadenaError';
  }
}

export const CFDI40_NAMESPACE = 'http://www.sat.gob.mx/cfd/4';
export const CFDI33_NAMESPACE = 'http://www.sat.gob.mx/cfd/3';
export const TFD_NAMESPACE = 'http://www.sat.gob.mx/TimbreFiscalDigital';

const CFDI_STYLESHEETS = new Map<string, { namespace: string; stylesheet: StylesheetName }>([
  ['4.0', { namespace: CFDI40_NAMESPACE, stylesheet: '4.0' }],
  ['3.3', { namespace: CFDI33_NAMESPACE, stylesheet: '3.3' }],
]);

/**
 * The cadena original of a CFDI 4.0 or 3.3 (what the emisor's Sello signs), byte for byte what SAT's
 * cadenaoriginal_4_0.xslt / cadenaoriginal_3_3.xslt produce, complements included. The stylesheet is
 * chosen by Version, as SAT's tools do, and the namespace must agree with it.
 */
export function buildCadenaOriginal(root: XmlElement): string {
  if (
    root.localName !== 'Comprobante' ||
    (root.namespace !== CFDI40_NAMESPACE && root.namespace !== CFDI33_NAMESPACE)
  )
    throw new CadenaError(
      'NOT_A_COMPROBANTE',
      `El elemento raíz es ${root.name}, no cfdi:Comprobante de CFDI 4.0 o 3.3; no se puede formar la cadena original.`,
    );
  const version = attr(root, 'Version') ?? attr(root, 'version');
  const known = version === undefined ? undefined : CFDI_STYLESHEETS.get(version);
  if (!known)
    throw new CadenaError(
      'UNSUPPORTED_VERSION',
      `La versión de CFDI "${version ?? '(sin atributo Version)'}" no está soportada; se aceptan 4.0 y 3.3.`,
    );
  if (known.namespace !== root.namespace)
    throw new CadenaError(
      'UNSUPPORTED_VERSION',
      `El comprobante dice Version="${version}" pero usa el espacio de nombres ${root.namespace}; no corresponden.`,
    );
  return transform(loadStylesheet(known.stylesheet), root);
}

/**
 * The cadena original of a TimbreFiscalDigital 1.1 (what the PAC's SelloSAT signs):
 * `||1.1|UUID|FechaTimbrado|RfcProvCertif[|Leyenda]|SelloCFD|NoCertificadoSAT||`. SAT applies
 * cadenaoriginal_TFD_1_1.xslt to the timbre as a document of its own, so `tfd` is taken as the root.
 */
export function buildTfdCadena(tfd: XmlElement): string {
  if (tfd.localName !== 'TimbreFiscalDigital' || tfd.namespace !== TFD_NAMESPACE)
    throw new CadenaError('NOT_A_TIMBRE', `El elemento ${tfd.name} no es un tfd:TimbreFiscalDigital.`);
  const version = attr(tfd, 'Version') ?? attr(tfd, 'version');
  if (version !== '1.1')
    throw new CadenaError(
      'UNSUPPORTED_VERSION',
      `La versión del TimbreFiscalDigital "${version ?? '(sin atributo Version)'}" no está soportada; se acepta 1.1.`,
    );
  return transform(loadStylesheet('TFD 1.1'), tfd);
}

/** XPath normalize-space: only XML's four whitespace characters count (not NBSP or other Unicode spaces). */
export function normalizeSpace(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

interface Run {
  readonly stylesheet: Stylesheet;
  readonly document: XmlElement;
  /** Preorder index of each element, built only when a `//` path needs document-order sorting. */
  order?: Map<XmlElement, number>;
}

function transform(stylesheet: Stylesheet, root: XmlElement): string {
  // The XSLT sees a document node above the root element; `/cfdi:Comprobante` starts from it.
  const document: XmlElement = {
    name: '#document',
    localName: '#document',
    namespace: null,
    attributes: [],
    children: [root],
    text: '',
  };
  const run: Run = { stylesheet, document };
  const out: string[] = [];
  execute(run, stylesheet.root, document, out);
  return out.join('');
}

function execute(run: Run, ops: readonly Op[], context: XmlElement, out: string[]): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'text':
        out.push(op.text);
        break;
      case 'value': {
        const values = selectValues(run, op.path, context);
        // SAT's Opcional tests the node-set, so a present but empty attribute still writes its `|`.
        if (!op.optional || values.length > 0) out.push('|', normalizeSpace(values[0] ?? ''));
        break;
      }
      case 'apply':
        for (const element of selectElements(run, op.path, context)) applyTemplates(run, element, out);
        break;
      case 'each':
        for (const element of selectElements(run, op.path, context)) execute(run, op.body, element, out);
        break;
      case 'if': {
        const values =
          op.path.attribute === null
            ? selectElements(run, op.path, context)
            : selectValues(run, op.path, context);
        const passes = op.equals === null ? values.length > 0 : values.some((value) => value === op.equals);
        if (passes) execute(run, op.body, context, out);
        break;
      }
    }
  }
}

/** Runs the element's template, or XSLT's built-in rule: its text and its children's output, in order. */
function applyTemplates(run: Run, element: XmlElement, out: string[]): void {
  const template = run.stylesheet.templates.get(templateKey(element.namespace, element.localName));
  if (template) {
    execute(run, template, element, out);
    return;
  }
  out.push(
    interleave(
      element,
      element.children.map((child) => {
        const childOut: string[] = [];
        applyTemplates(run, child, childOut);
        return childOut.join('');
      }),
    ),
  );
}

/** An element's XPath string value: all the text inside it, in document order. */
function stringValue(element: XmlElement): string {
  return interleave(element, element.children.map(stringValue));
}

/**
 * Joins an element's own text with what its children produce. XmlElement keeps an element's text
 * as one string without its position among the children, so when both carry content the order is
 * unknown; that never happens in SAT's complements (attributes only) and is refused, not guessed.
 */
function interleave(element: XmlElement, parts: string[]): string {
  const produced = parts.join('');
  if (element.text === '' || produced === '') return element.text + produced;
  throw new CadenaError(
    'MIXED_CONTENT',
    `El elemento ${element.name} mezcla texto con elementos hijos que aportan a la cadena original; no se puede reproducir la cadena del SAT con certeza.`,
  );
}

function selectValues(run: Run, path: Path, context: XmlElement): string[] {
  const elements = selectElements(run, path, context);
  if (path.attribute === null) return elements.map(stringValue);
  const values: string[] = [];
  for (const element of elements) {
    const value = attr(element, path.attribute);
    if (value !== undefined) values.push(value);
  }
  return values;
}

function selectElements(run: Run, path: Path, context: XmlElement): XmlElement[] {
  let nodes = [path.absolute ? run.document : context];
  for (const step of path.steps) {
    const next: XmlElement[] = [];
    for (const node of nodes) {
      if (step.descendant) collectDescendants(node, step.namespace, step.localName, next);
      else
        for (const child of node.children)
          if (matches(child, step.namespace, step.localName)) next.push(child);
    }
    nodes = next;
  }
  // Nested matches of a `//` step can repeat or come out of order: XPath returns a set in document order.
  return path.hasDescendantStep && nodes.length > 1 ? inDocumentOrder(run, nodes) : nodes;
}

function matches(element: XmlElement, namespace: string | null, localName: string | null): boolean {
  return localName === null || (element.localName === localName && element.namespace === namespace);
}

function collectDescendants(
  node: XmlElement,
  namespace: string | null,
  localName: string | null,
  into: XmlElement[],
): void {
  for (const child of node.children) {
    if (matches(child, namespace, localName)) into.push(child);
    collectDescendants(child, namespace, localName, into);
  }
}

function inDocumentOrder(run: Run, nodes: XmlElement[]): XmlElement[] {
  if (!run.order) {
    const order = new Map<XmlElement, number>();
    const visit = (element: XmlElement) => {
      order.set(element, order.size);
      for (const child of element.children) visit(child);
    };
    visit(run.document);
    run.order = order;
  }
  const order = run.order;
  return [...new Set(nodes)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

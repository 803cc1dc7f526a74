/**
 * XSD validation of a CFDI against SAT's schemas (cfdv40/cfdv33, TFD, complements) without
 * xmllint: the walker follows the rule table compiled from the XSD and agrees with
 * /work/shared/sat/validate.sh — an `error` finding exactly when that script rejects the document.
 */
import type { Finding } from '../findings.js';
import type { XmlElement } from '../xml/read-xml.js';
import { findValueProblem, normalizeValue } from './check-value.js';
import { getComplexTypeFacts } from './complex-type-facts.js';
import type { ContentMatcher, ContentState, Label } from './content-model.js';
import { ELEMENT_KEYS, makeElementKey } from './declarations.js';
import type { AttributeRule, SimpleTypeRule } from './rule-types.js';
import { ELEMENTS, SIMPLE_TYPES } from './rules.generated.js';
import {
  buildChildrenNotAllowedFinding,
  buildFixedValueFinding,
  buildInvalidValueFinding,
  buildMissingAttributeFinding,
  buildMissingElementFinding,
  buildNotSchemaFinding,
  buildNotValidatedFinding,
  buildOrderFinding,
  buildTextFinding,
  buildTooManyFinding,
  buildUndeclaredElementFinding,
  buildUnexpectedElementFinding,
  buildUnknownAttributeFinding,
  buildUnknownRootFinding,
  buildXsiAttributeFinding,
} from './schema-findings.js';
import { isAddenda, resolveSchemaSet, type SchemaSet } from './schema-set.js';

/** Only XML whitespace may separate child elements of element-only content. */
const NON_WHITESPACE = /[^ \t\r\n]/;
// read-xml gives attribute names as written; `xsi` is taken as the XMLSchema-instance prefix.
const ALLOWED_XSI = new Set(['xsi:schemaLocation', 'xsi:noNamespaceSchemaLocation']);

interface Walk {
  schemas: SchemaSet;
  findings: Finding[];
}

/**
 * Checks a parsed document against SAT's XSD exactly as validate.sh (xmllint) would: structure,
 * order and counts of elements, required/unknown attributes, datatypes, patterns, lengths, digits,
 * ranges and the catalog enumerations the XSD carry. cfdi:Addenda is ignored, as the oracle strips it.
 */
export function checkSchema(root: XmlElement): Finding[] {
  const schemas = resolveSchemaSet(root);
  if (schemas.notSchemas.length > 0) return schemas.notSchemas.map(buildNotSchemaFinding);
  const walk: Walk = { schemas, findings: [] };
  const path = `/${root.name}`;
  const declaration = isAddenda(root)
    ? undefined
    : schemas.globals.get(makeElementKey(root.namespace, root.localName));
  if (declaration !== undefined) checkElement(walk, root, declaration, path);
  else {
    const uncompiled = schemas.uncompiled.get(root.namespace);
    if (uncompiled) walk.findings.push(buildNotValidatedFinding(root.name, uncompiled, path));
    else walk.findings.push(buildUnknownRootFinding(root.name, root.namespace, path));
  }
  return walk.findings;
}

function checkElement(walk: Walk, element: XmlElement, declaration: number, path: string): void {
  const rule = ELEMENTS[declaration];
  if (!rule) return;
  if (rule.complex === undefined) {
    checkAttributes(walk, element, null, path);
    checkSimpleContent(walk, element, SIMPLE_TYPES[rule.simple ?? -1], path);
    return;
  }
  const facts = getComplexTypeFacts(rule.complex);
  checkAttributes(walk, element, facts, path);
  if (facts.rule.simple !== undefined) {
    checkSimpleContent(walk, element, SIMPLE_TYPES[facts.rule.simple], path);
    return;
  }
  if (!facts.rule.mixed && element.text !== '') {
    const isEmptyType = facts.rule.content === undefined;
    if (isEmptyType || NON_WHITESPACE.test(element.text))
      walk.findings.push(buildTextFinding(element.name, element.text, isEmptyType, path));
  }
  checkChildren(walk, element, facts.matcher, path);
}

/** Text-only content (a simple type, or a complex type with simple content): no child elements. */
function checkSimpleContent(walk: Walk, element: XmlElement, type: SimpleTypeRule | undefined, path: string) {
  const child = element.children.find((candidate) => !isAddenda(candidate));
  if (child) walk.findings.push(buildChildrenNotAllowedFinding(element.name, child.name, path));
  if (!type) return;
  const problem = findValueProblem(type, element.text);
  if (problem)
    walk.findings.push(
      buildInvalidValueFinding(problem, type, `El contenido de ${element.name}`, element.text, path),
    );
}

function checkAttributes(
  walk: Walk,
  element: XmlElement,
  facts: { attributes: Map<string, AttributeRule>; required: AttributeRule[] } | null,
  path: string,
): void {
  let requiredSeen = 0;
  for (const [name, value] of element.attributes) {
    if (name.includes(':')) {
      if (ALLOWED_XSI.has(name)) continue;
      if (name.startsWith('xsi:'))
        walk.findings.push(buildXsiAttributeFinding(name, element.name, `${path}/@${name}`));
      else walk.findings.push(buildUnknownAttributeFinding(name, element.name, null, `${path}/@${name}`));
      continue;
    }
    const rule = facts?.attributes.get(name);
    if (!rule) {
      walk.findings.push(
        buildUnknownAttributeFinding(name, element.name, suggestAttribute(facts, name), `${path}/@${name}`),
      );
      continue;
    }
    if (rule.required) requiredSeen += 1;
    checkAttributeValue(walk, element, rule, value, path);
  }
  if (!facts || requiredSeen === facts.required.length) return;
  for (const rule of facts.required) {
    if (element.attributes.some(([name]) => name === rule.name)) continue;
    const type = SIMPLE_TYPES[rule.type] as SimpleTypeRule;
    walk.findings.push(buildMissingAttributeFinding(rule.name, element.name, type, `${path}/@${rule.name}`));
  }
}

function suggestAttribute(
  facts: { attributes: Map<string, AttributeRule> } | null,
  name: string,
): string | null {
  const lower = name.toLowerCase();
  for (const candidate of facts?.attributes.keys() ?? [])
    if (candidate.toLowerCase() === lower) return candidate;
  return null;
}

/** `path` is the element's: the attribute's own path is only built when something is reported. */
function checkAttributeValue(
  walk: Walk,
  element: XmlElement,
  rule: AttributeRule,
  value: string,
  path: string,
) {
  const type = SIMPLE_TYPES[rule.type] as SimpleTypeRule;
  const problem = findValueProblem(type, value);
  if (!problem && (rule.fixed === undefined || normalizeValue(type, value) === rule.fixed)) return;
  const subject = `El atributo ${rule.name} de ${element.name}`;
  const attributePath = `${path}/@${rule.name}`;
  if (problem) walk.findings.push(buildInvalidValueFinding(problem, type, subject, value, attributePath));
  else walk.findings.push(buildFixedValueFinding(subject, value, rule.fixed as string, attributePath));
}

/** Runs the content automaton over the children; after the first misfit only the children are checked. */
function checkChildren(walk: Walk, element: XmlElement, matcher: ContentMatcher, path: string): void {
  const children = element.children.filter((child) => !isAddenda(child));
  const totals = new Map<string, number>();
  for (const child of children) totals.set(child.name, (totals.get(child.name) ?? 0) + 1);
  const positions = new Map<string, number>();
  let state: ContentState | null = matcher.start;
  children.forEach((child, index) => {
    const key = makeElementKey(child.namespace, child.localName);
    const position = (positions.get(child.name) ?? 0) + 1;
    positions.set(child.name, position);
    const repeats = (totals.get(child.name) ?? 0) > 1 || (matcher.maxOccurrences.get(key) ?? 1) > 1;
    const childPath = `${path}/${child.name}${repeats ? `[${position}]` : ''}`;
    let label: Label | null = null;
    if (state) {
      const step = matcher.step(state, key);
      if (step) {
        state = step.state;
        label = step.label;
      } else {
        walk.findings.push(describeMisfit(matcher, state, element, children, index, childPath));
        state = null;
      }
    }
    label ??= findFallbackLabel(matcher, key);
    if (label) checkChild(walk, element, child, label, childPath);
  });
  if (state && !state.accepting)
    walk.findings.push(buildMissingElementFinding(listExpectedNames(state), element.name, null, path));
}

/** Once the sequence is broken, a child is still checked against the declaration its name has here. */
function findFallbackLabel(matcher: ContentMatcher, key: string): Label | null {
  const local = matcher.locals.get(key);
  if (local !== undefined) return { element: local };
  return matcher.wildcard ? { any: matcher.wildcard } : null;
}

function checkChild(walk: Walk, parent: XmlElement, child: XmlElement, label: Label, path: string): void {
  if ('element' in label) {
    checkElement(walk, child, label.element, path);
    return;
  }
  if (label.any === 'skip') return;
  const declaration = walk.schemas.globals.get(makeElementKey(child.namespace, child.localName));
  const uncompiled = walk.schemas.uncompiled.get(child.namespace);
  if (declaration !== undefined) checkElement(walk, child, declaration, path);
  else if (uncompiled) walk.findings.push(buildNotValidatedFinding(child.name, uncompiled, path));
  else if (label.any === 'strict')
    walk.findings.push(buildUndeclaredElementFinding(child.name, child.namespace, parent.name, path));
}

function listExpectedNames(state: Pick<ContentState, 'expected'>): string[] {
  return state.expected.map((label) =>
    'element' in label ? (ELEMENTS[label.element]?.name ?? '?') : 'un elemento de complemento',
  );
}

/** Says why a child does not fit: unknown here, one too many, out of order, or something missing before it. */
function describeMisfit(
  matcher: ContentMatcher,
  state: ContentState,
  parent: XmlElement,
  children: XmlElement[],
  index: number,
  path: string,
): Finding {
  const child = children[index] as XmlElement;
  const key = makeElementKey(child.namespace, child.localName);
  const expected = listExpectedNames(state);
  if (!matcher.locals.has(key) && !matcher.wildcard)
    return buildUnexpectedElementFinding(child.name, parent.name, expected, path);
  const max = matcher.maxOccurrences.get(key) ?? Number.POSITIVE_INFINITY;
  const earlier = children.slice(0, index).filter((sibling) => sibling.name === child.name).length;
  if (earlier >= max) return buildTooManyFinding(child.name, parent.name, max, path);
  // Expected elements that do come later: the child jumped ahead of them (e.g. Receptor before Emisor).
  const laterKeys = new Set(
    children.slice(index + 1).map((sibling) => makeElementKey(sibling.namespace, sibling.localName)),
  );
  const overtaken = state.expected.filter(
    (label) => 'element' in label && laterKeys.has(ELEMENT_KEYS[label.element] ?? ''),
  );
  if (overtaken.length > 0)
    return buildOrderFinding(child.name, parent.name, listExpectedNames({ expected: overtaken }), path);
  if (matcher.isReachableLater(state, key))
    return buildMissingElementFinding(expected, parent.name, child.name, path);
  return buildOrderFinding(child.name, parent.name, expected, path);
}

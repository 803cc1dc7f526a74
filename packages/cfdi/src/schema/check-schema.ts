/**
 * XSD validation of a CFDI against SAT's schemas (cfdv40/cfdv33, TFD, complements) without
 * xmllint: the walker follows the rule table compiled from the XSD and agrees with
 * /work/shared/sat/validate.sh — an `error` finding exactly when that script rejects the document.
 */
import type { Finding } from '../findings.js';
import type { XmlElement } from '../xml/read-xml.js';
import { findPreparedValueProblem, getPreparedType, normalizeValue } from './check-value.js';
import { getComplexTypeFacts } from './complex-type-facts.js';
import type { ContentMatcher, ContentState, Label } from './content-model.js';
import { ELEMENT_KEYS, elementKeyOf } from './declarations.js';
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
 * Where an element is, kept as links: the path text of a finding (`/cfdi:Comprobante/cfdi:Conceptos/
 * cfdi:Concepto[2]/@Importe`) is only built when something is reported, not for every element.
 */
interface Place {
  up: Place | null;
  element: XmlElement;
  parent: XmlElement | null;
  /** The parent's content automaton: whether the name may repeat there, which numbers it. */
  matcher: ContentMatcher | null;
}

/** The element's path; a name that repeats (or may repeat) among its siblings gets its position. */
function pathOf(place: Place): string {
  const { up, element, parent, matcher } = place;
  if (!up || !parent) return `/${element.name}`;
  let total = 0;
  let position = 0;
  for (const sibling of parent.children) {
    if (sibling.name !== element.name || isAddenda(sibling)) continue;
    total += 1;
    if (sibling === element) position = total;
  }
  const key = elementKeyOf(element.namespace, element.localName);
  const repeats = total > 1 || (matcher?.maxOccurrences.get(key) ?? 1) > 1;
  return `${pathOf(up)}/${element.name}${repeats ? `[${position}]` : ''}`;
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
  const place: Place = { up: null, element: root, parent: null, matcher: null };
  const declaration = isAddenda(root)
    ? undefined
    : schemas.globals.get(elementKeyOf(root.namespace, root.localName));
  if (declaration !== undefined) checkElement(walk, place, declaration);
  else {
    const path = pathOf(place);
    const uncompiled = schemas.uncompiled.get(root.namespace);
    if (uncompiled) walk.findings.push(buildNotValidatedFinding(root.name, uncompiled, path));
    else walk.findings.push(buildUnknownRootFinding(root.name, root.namespace, path));
  }
  return walk.findings;
}

function checkElement(walk: Walk, place: Place, declaration: number): void {
  const rule = ELEMENTS[declaration];
  if (!rule) return;
  const element = place.element;
  if (rule.complex === undefined) {
    checkAttributes(walk, place, null);
    checkSimpleContent(walk, place, rule.simple);
    return;
  }
  const facts = getComplexTypeFacts(rule.complex);
  checkAttributes(walk, place, facts);
  if (facts.rule.simple !== undefined) {
    checkSimpleContent(walk, place, facts.rule.simple);
    return;
  }
  if (!facts.rule.mixed && element.text !== '') {
    const isEmptyType = facts.rule.content === undefined;
    if (isEmptyType || NON_WHITESPACE.test(element.text))
      walk.findings.push(buildTextFinding(element.name, element.text, isEmptyType, pathOf(place)));
  }
  checkChildren(walk, place, facts.matcher);
}

/** Text-only content (a simple type, or a complex type with simple content): no child elements. */
function checkSimpleContent(walk: Walk, place: Place, typeIndex: number | undefined) {
  const element = place.element;
  const child = element.children.find((candidate) => !isAddenda(candidate));
  if (child) walk.findings.push(buildChildrenNotAllowedFinding(element.name, child.name, pathOf(place)));
  const type = typeIndex === undefined ? undefined : SIMPLE_TYPES[typeIndex];
  if (!type) return;
  const problem = findPreparedValueProblem(getPreparedType(typeIndex as number), element.text);
  if (problem)
    walk.findings.push(
      buildInvalidValueFinding(problem, type, `El contenido de ${element.name}`, element.text, pathOf(place)),
    );
}

function checkAttributes(
  walk: Walk,
  place: Place,
  facts: { attributes: Map<string, AttributeRule>; required: AttributeRule[] } | null,
): void {
  const element = place.element;
  let requiredSeen = 0;
  const attributes = element.attributes;
  for (let index = 0; index < attributes.length; index++) {
    // Indexed, not destructured: this loop runs for every attribute of every document.
    const attribute = attributes[index] as [string, string];
    const name = attribute[0];
    const value = attribute[1];
    if (name.includes(':')) {
      if (ALLOWED_XSI.has(name)) continue;
      const path = `${pathOf(place)}/@${name}`;
      if (name.startsWith('xsi:')) walk.findings.push(buildXsiAttributeFinding(name, element.name, path));
      else walk.findings.push(buildUnknownAttributeFinding(name, element.name, null, path));
      continue;
    }
    const rule = facts?.attributes.get(name);
    if (!rule) {
      walk.findings.push(
        buildUnknownAttributeFinding(
          name,
          element.name,
          suggestAttribute(facts, name),
          `${pathOf(place)}/@${name}`,
        ),
      );
      continue;
    }
    if (rule.required) requiredSeen += 1;
    checkAttributeValue(walk, place, rule, value);
  }
  if (!facts || requiredSeen === facts.required.length) return;
  for (const rule of facts.required) {
    if (element.attributes.some(([name]) => name === rule.name)) continue;
    const type = SIMPLE_TYPES[rule.type] as SimpleTypeRule;
    walk.findings.push(
      buildMissingAttributeFinding(rule.name, element.name, type, `${pathOf(place)}/@${rule.name}`),
    );
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

function checkAttributeValue(walk: Walk, place: Place, rule: AttributeRule, value: string) {
  const problem = findPreparedValueProblem(getPreparedType(rule.type), value);
  if (!problem && rule.fixed === undefined) return;
  const type = SIMPLE_TYPES[rule.type] as SimpleTypeRule;
  if (!problem && (rule.fixed === undefined || normalizeValue(type, value) === rule.fixed)) return;
  const subject = `El atributo ${rule.name} de ${place.element.name}`;
  const attributePath = `${pathOf(place)}/@${rule.name}`;
  if (problem) walk.findings.push(buildInvalidValueFinding(problem, type, subject, value, attributePath));
  else walk.findings.push(buildFixedValueFinding(subject, value, rule.fixed as string, attributePath));
}

/** Runs the content automaton over the children; after the first misfit only the children are checked. */
function checkChildren(walk: Walk, place: Place, matcher: ContentMatcher): void {
  const element = place.element;
  let state: ContentState | null = matcher.start;
  let index = 0; // among the children that are not Addenda
  for (const child of element.children) {
    if (isAddenda(child)) continue;
    const key = elementKeyOf(child.namespace, child.localName);
    const childPlace: Place = { up: place, element: child, parent: element, matcher };
    let label: Label | null = null;
    if (state) {
      const step = matcher.step(state, key);
      if (step) {
        state = step.state;
        label = step.label;
      } else {
        const children = element.children.filter((candidate) => !isAddenda(candidate));
        walk.findings.push(describeMisfit(matcher, state, element, children, index, pathOf(childPlace)));
        state = null;
      }
    }
    label ??= findFallbackLabel(matcher, key);
    if (label) checkChild(walk, element, childPlace, label);
    index += 1;
  }
  if (state && !state.accepting)
    walk.findings.push(
      buildMissingElementFinding(listExpectedNames(state), element.name, null, pathOf(place)),
    );
}

/** Once the sequence is broken, a child is still checked against the declaration its name has here. */
function findFallbackLabel(matcher: ContentMatcher, key: string): Label | null {
  const local = matcher.locals.get(key);
  if (local !== undefined) return { element: local };
  return matcher.wildcard ? { any: matcher.wildcard } : null;
}

function checkChild(walk: Walk, parent: XmlElement, place: Place, label: Label): void {
  if ('element' in label) {
    checkElement(walk, place, label.element);
    return;
  }
  if (label.any === 'skip') return;
  const child = place.element;
  const declaration = walk.schemas.globals.get(elementKeyOf(child.namespace, child.localName));
  const uncompiled = walk.schemas.uncompiled.get(child.namespace);
  if (declaration !== undefined) checkElement(walk, place, declaration);
  else if (uncompiled) walk.findings.push(buildNotValidatedFinding(child.name, uncompiled, pathOf(place)));
  else if (label.any === 'strict')
    walk.findings.push(
      buildUndeclaredElementFinding(child.name, child.namespace, parent.name, pathOf(place)),
    );
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
  const key = elementKeyOf(child.namespace, child.localName);
  const expected = listExpectedNames(state);
  if (!matcher.locals.has(key) && !matcher.wildcard)
    return buildUnexpectedElementFinding(child.name, parent.name, expected, path);
  const max = matcher.maxOccurrences.get(key) ?? Number.POSITIVE_INFINITY;
  const earlier = children.slice(0, index).filter((sibling) => sibling.name === child.name).length;
  if (earlier >= max) return buildTooManyFinding(child.name, parent.name, max, path);
  // Expected elements that do come later: the child jumped ahead of them (e.g. Receptor before Emisor).
  const laterKeys = new Set(
    children.slice(index + 1).map((sibling) => elementKeyOf(sibling.namespace, sibling.localName)),
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

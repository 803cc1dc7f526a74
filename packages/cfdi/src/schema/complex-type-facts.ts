// Per complex type, what the walker needs at hand, built on first use and kept for the process.
import { ContentMatcher } from './content-model.js';
import type { AttributeRule, ComplexTypeRule } from './rule-types.js';
import { COMPLEX_TYPES } from './rules.generated.js';

export interface ComplexTypeFacts {
  rule: ComplexTypeRule;
  attributes: Map<string, AttributeRule>;
  required: AttributeRule[];
  matcher: ContentMatcher;
}

const facts: (ComplexTypeFacts | undefined)[] = [];

/** The attribute index, required attributes and content automaton of COMPLEX_TYPES[index]. */
export function getComplexTypeFacts(index: number): ComplexTypeFacts {
  let found = facts[index];
  if (!found) {
    const rule = COMPLEX_TYPES[index];
    if (!rule) throw new Error(`no complex type ${index} in the schema rule table`);
    found = {
      rule,
      attributes: new Map(rule.attributes.map((attribute) => [attribute.name, attribute])),
      required: rule.attributes.filter((attribute) => attribute.required),
      matcher: new ContentMatcher(rule.content),
    };
    facts[index] = found;
  }
  return found;
}

// Lookup keys of the generated element declarations, computed once when the module loads.
import { ELEMENTS } from './rules.generated.js';

/** The key global and local element declarations are looked up by: `namespace|localName`. */
export function makeElementKey(namespace: string | null, localName: string): string {
  return `${namespace ?? ''}|${localName}`;
}

/** ELEMENTS[i]'s lookup key (its generated name carries SAT's prefix, which is not part of the key). */
export const ELEMENT_KEYS: readonly string[] = ELEMENTS.map((element) =>
  makeElementKey(element.namespace, element.name.slice(element.name.indexOf(':') + 1)),
);

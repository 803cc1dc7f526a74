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

// The keys of declared elements by namespace and local name, so that looking one up builds no string.
const KNOWN_KEYS = new Map<string, Map<string, string>>();
ELEMENTS.forEach((element, index) => {
  const namespace = element.namespace ?? '';
  let byLocalName = KNOWN_KEYS.get(namespace);
  if (!byLocalName) {
    byLocalName = new Map();
    KNOWN_KEYS.set(namespace, byLocalName);
  }
  byLocalName.set(element.name.slice(element.name.indexOf(':') + 1), ELEMENT_KEYS[index] as string);
});

/** makeElementKey's result, taken ready-made for declared elements (the key Maps hash it once). */
export function elementKeyOf(namespace: string | null, localName: string): string {
  return KNOWN_KEYS.get(namespace ?? '')?.get(localName) ?? makeElementKey(namespace, localName);
}
